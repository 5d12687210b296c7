using System.Text.Json.Nodes;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>
/// <c>lab grade --merge</c> over shards of a class that handed nothing in (no worker runs, so these are quick): every
/// shard once joins into one gradebook; overlap, a missing shard, mixed splits, exercises or settings, an edited or
/// absent shard.json and a misplaced --out are each a one-line error that writes nothing.
/// </summary>
[TestFixture]
public sealed class ShardMergeTests
{
    private ScratchDirectory _scratch = null!;

    private string Class => _scratch.Combine("class");

    [OneTimeSetUp]
    public void GradeTheShards()
    {
        _scratch = new ScratchDirectory();
        foreach (string student in new[] { "amy", "bob", "cat" }) Directory.CreateDirectory(Path.Combine(Class, student));
        Shard("1/2", "s1");
        Shard("2/2", "s2");
        Shard("1/3", "third-1");
        Shard("2/2", "s2-seed-7", "--seed", "7");
        Shard("2/2", "s2-bank", "--exercise", "bank-transfer-audit");
    }

    [OneTimeTearDown]
    public void DeleteTheShards() => _scratch.Dispose();

    [Test]
    public void Merge_EveryShardOnce_WritesOneGradebookOfTheWholeClass()
    {
        CliResult merged = LabCli.Run("grade", "--merge", _scratch.Combine("s1"), _scratch.Combine("s2"), "--out", _scratch.Combine("merged"));
        List<List<string>> rows = Csv.Parse(File.ReadAllText(_scratch.Combine("merged", "gradebook.csv")));

        Assert.Multiple(() =>
        {
            Assert.That(merged.ExitCode, Is.EqualTo(0), merged.Output + merged.Error);
            Assert.That(rows.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "amy", "bob", "cat" }));
            Assert.That(merged.LastLine, Is.EqualTo("grade: 3 students, 3 submissions: 3 Missing"));
            Assert.That(File.Exists(_scratch.Combine("merged", "shard.json")), Is.False, "a merged folder is not a shard");
            Assert.That(Csv.Parse(File.ReadAllText(_scratch.Combine("s1", "gradebook.csv"))).Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "amy", "cat" }),
                "each shard also writes the reports of its own students");
        });
    }

    [Test]
    public void Merge_TheSameShardTwice_IsRefusedAsOverlap()
    {
        string copy = _scratch.Combine("s1-copy");
        CopyFolder(_scratch.Combine("s1"), copy);

        AssertRefused(Merge("s1", "s1-copy", "s2"), $"shard 1/2 is given twice ('{_scratch.Combine("s1")}' and '{copy}')");
    }

    [Test]
    public void Merge_WithAShardMissing_IsRefused() =>
        AssertRefused(Merge("s1"), "shard 2/2 missing; merge the --out folders of all 2 shards");

    [Test]
    public void Merge_ShardsOfDifferentSplits_IsRefused() =>
        AssertRefused(Merge("third-1", "s2"), "the shards differ in their split (into 3 shards in");

    [Test]
    public void Merge_ShardsGradedWithDifferentSeeds_IsRefused() =>
        AssertRefused(Merge("s1", "s2-seed-7"), "the shards differ in their seed (0 in");

    [Test]
    public void Merge_ShardsOfDifferentExercises_IsRefused() =>
        AssertRefused(Merge("s1", "s2-bank"), "the shards differ in their exercises (lost-update in");

    [Test]
    public void Merge_AFolderWithoutAShardResult_IsRefused() =>
        AssertRefused(LabCli.Run("grade", "--merge", _scratch.Combine("s1"), Class, "--out", _scratch.Combine("refused")),
            $"--merge '{Class}' has no shard.json");

    [Test]
    public void Merge_AShardResultWithAStudentRemoved_IsRefused()
    {
        string edited = _scratch.Combine("s1-edited");
        CopyFolder(_scratch.Combine("s1"), edited);
        JsonNode shard = JsonNode.Parse(File.ReadAllText(Path.Combine(edited, "shard.json")))!;
        shard["students"]!.AsArray().RemoveAt(1);
        File.WriteAllText(Path.Combine(edited, "shard.json"), shard.ToJsonString());

        AssertRefused(Merge("s1-edited", "s2"), "its students are not shard 1/2 of its class");
    }

    [Test]
    public void Merge_AShardResultWithANullField_IsRefusedNamingIt()
    {
        string edited = _scratch.Combine("s1-null");
        CopyFolder(_scratch.Combine("s1"), edited);
        JsonNode shard = JsonNode.Parse(File.ReadAllText(Path.Combine(edited, "shard.json")))!;
        shard["students"]![0]!["student"] = null;
        File.WriteAllText(Path.Combine(edited, "shard.json"), shard.ToJsonString());

        AssertRefused(Merge("s1-null", "s2"), "is not a readable shard result at $.students[0].student");
    }

    [Test]
    public void Merge_IntoOneOfTheShards_IsRefused()
    {
        CliResult result = LabCli.Run("grade", "--merge", _scratch.Combine("s1"), _scratch.Combine("s2"), "--out", _scratch.Combine("s2"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain($"--out '{_scratch.Combine("s2")}' is one of the shards"));
            Assert.That(File.Exists(_scratch.Combine("s2", "shard.json")), Is.True, "the shard is left as it was");
        });
    }

    [TestCase("--seed", "3")]
    [TestCase("--shard", "1/2")]
    [TestCase("--exercise", "lost-update")]
    public void Merge_WithAGradingOption_IsRefused_TheShardsSettingsAreUsed(string option, string value) =>
        AssertRefused(LabCli.Run("grade", "--merge", _scratch.Combine("s1"), _scratch.Combine("s2"), option, value, "--out", _scratch.Combine("refused")),
            $"{option} cannot be combined with --merge");

    [Test]
    public void Merge_WithASubmissionsFolder_IsRefused() =>
        AssertRefused(LabCli.Run("grade", Class, "--merge", _scratch.Combine("s1"), _scratch.Combine("s2"), "--out", _scratch.Combine("refused")),
            "with --merge give no submissions folder");

    [Test]
    public void Grade_WithNeitherSubmissionsNorMerge_SaysWhatItNeeds() =>
        AssertRefused(LabCli.Run("grade", "--out", _scratch.Combine("refused")), "grade needs the submissions folder");

    private void Shard(string shard, string output, params string[] extra)
    {
        CliResult result = LabCli.Run(["grade", Class, "--shard", shard, "--out", _scratch.Combine(output), "--exercise", "lost-update", .. extra]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
    }

    private CliResult Merge(params string[] shards) =>
        LabCli.Run(["grade", "--merge", .. shards.Select(s => _scratch.Combine(s)), "--out", _scratch.Combine("refused")]);

    private void AssertRefused(CliResult result, string message)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
            Assert.That(result.Error, Does.Contain(message));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Not.Contain("   at "));
            Assert.That(File.Exists(_scratch.Combine("refused", "gradebook.csv")), Is.False, "nothing is written");
        });
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
