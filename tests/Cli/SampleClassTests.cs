using Lab.Cli.Exercises;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>The sample class the grade benchmark grades: made of the sample submissions, so it follows them when they change.</summary>
public sealed class SampleClassTests
{
    [Test]
    public void SampleClass_Materialises_ThirtyStudentsHandingInEveryExercise_FromTheSamplesAndStarters()
    {
        using var scratch = new ScratchDirectory();

        string folder = SampleClass.Materialise(TestFiles.Samples, TestFiles.Exercises, scratch.Combine("class"));
        string[] students = Directory.GetDirectories(folder);

        Assert.Multiple(() =>
        {
            Assert.That(students, Has.Length.GreaterThanOrEqualTo(30));
            foreach (Exercise exercise in ExerciseCatalog.All)
            {
                Assert.That(students.Count(s => File.Exists(Path.Combine(s, exercise.FileName))), Is.GreaterThanOrEqualTo(10), exercise.Id);
            }
            Assert.That(File.ReadAllText(Path.Combine(folder, "alan", "Counter.cs")), Is.EqualTo(File.ReadAllText(TestFiles.Sample("still-buggy", "Counter.cs"))),
                "a later entry replaces the earlier file of the same name");
            Assert.That(File.ReadAllText(Path.Combine(folder, "brian", "Bank.cs")), Is.EqualTo(File.ReadAllText(Path.Combine(TestFiles.Exercises, "Bank.cs"))));
            Assert.That(Directory.GetFiles(Path.Combine(folder, "leslie")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "Counter.cs", "Bank.cs" }));
        });
    }

    [Test]
    public void SampleClass_EveryFolderOfTheSamples_IsHandedInBySomeone()
    {
        var used = SampleClass.Manifest.SelectMany(s => s.Files.Split(' ')).Select(entry => entry.Split('/')[0]).ToHashSet();

        Assert.That(Directory.GetDirectories(TestFiles.Samples).Select(Path.GetFileName), Is.SubsetOf(used));
    }
}
