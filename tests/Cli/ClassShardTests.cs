using Lab.Cli.Commands;
using Lab.Cli.Grading;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary><c>lab grade --shard i/n</c>: which students a shard grades, and its form checked before any work starts.</summary>
public sealed class ClassShardTests
{
    [Test]
    public void Shard_TakesEveryNthStudentInOrdinalOrder_StartingAtItsIndex()
    {
        string[] students = ["ada", "alan", "barbara", "brian", "charles"];

        Assert.Multiple(() =>
        {
            Assert.That(ClassShard.Parse("1/2").Select(students), Is.EqualTo(new[] { "ada", "barbara", "charles" }));
            Assert.That(ClassShard.Parse("2/2").Select(students), Is.EqualTo(new[] { "alan", "brian" }));
            Assert.That(ClassShard.Parse("1/1").Select(students), Is.EqualTo(students));
            Assert.That(ClassShard.Parse("7/7").Select(students), Is.Empty);
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void Shards_OfOneSplit_GradeEveryStudentExactlyOnce(int count)
    {
        string[] students = Enumerable.Range(0, 31).Select(i => $"student-{i:00}").ToArray();

        var graded = Enumerable.Range(1, count).SelectMany(index => new ClassShard(index, count).Select(students)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(graded, Is.EquivalentTo(students));
            Assert.That(Enumerable.Range(1, count).Select(index => new ClassShard(index, count).Select(students).Count).Max()
                        - Enumerable.Range(1, count).Select(index => new ClassShard(index, count).Select(students).Count).Min(), Is.LessThanOrEqualTo(1));
        });
    }

    [TestCase("0/2")]
    [TestCase("3/2")]
    [TestCase("a/b")]
    [TestCase("1/0")]
    [TestCase("-1/2")]
    [TestCase("2")]
    [TestCase("1/2/3")]
    [TestCase("")]
    [TestCase("99999999999/2")]
    public void Grade_ShardOfAnotherForm_IsAOneLineErrorNamingTheForm_BeforeAnyWork(string shard)
    {
        using var scratch = new ScratchDirectory();

        CliResult result = LabCli.Run("grade", TestFiles.Samples, "--shard", shard, "--out", scratch.Combine("out"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Contain($"--shard takes i/n, shard i of n with 1 <= i <= n (e.g. 1/4); '{shard}' is not one"));
            Assert.That(Directory.Exists(scratch.Combine("out")), Is.False, "nothing is graded or written");
        });
    }

    [Test]
    public void Parse_ShardOfAnotherForm_ThrowsAUsageError()
    {
        Assert.That(() => ClassShard.Parse("3/2"), Throws.TypeOf<UsageException>());
    }
}
