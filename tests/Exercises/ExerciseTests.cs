using System.Collections.Concurrent;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Scenarios;

namespace Lab.Exercises.Tests;

/// <summary>
/// The student's red-to-green loop. By default these grade the scenarios' reference fixes and pass; with
/// LAB_EXERCISES=exercises they grade the files in exercises/ with the same compiler and checks as <c>lab grade</c>,
/// and a failing check shows the bug, its interleaving and the command that replays it.
/// </summary>
[TestFixture]
[Category("Exercise")]
public sealed class ExerciseTests
{
    private static readonly ConcurrentDictionary<string, Lazy<ExerciseResult>> Results = new();

    private static readonly GradingSettings Settings = new()
    {
        TraceDirectory = Path.Combine(Path.GetTempPath(), "lab-traces", "exercises"),
    };

    /// <summary>Every exercise, named by its id so that <c>--filter Name~lost-update</c> picks one.</summary>
    public static IEnumerable<TestCaseData> Exercises() => ExerciseCatalog.All.Select(e => new TestCaseData(e.Id).SetArgDisplayNames(e.Id));

    /// <summary>The exercises whose fix must keep some concurrency.</summary>
    public static IEnumerable<TestCaseData> DemandingExercises() =>
        ExerciseCatalog.All.Where(e => e.Demand is not null).Select(e => new TestCaseData(e.Id).SetArgDisplayNames(e.Id));

    [TestCaseSource(nameof(Exercises))]
    public void ExploresWithoutABug(string exercise) => AssertPassed(exercise, CheckNames.Exploration);

    [TestCaseSource(nameof(Exercises))]
    public void SurvivesTheSchedulesThatBrokeTheStarter(string exercise) => AssertPassed(exercise, CheckNames.Regression);

    [TestCaseSource(nameof(DemandingExercises))]
    public void KeepsTheDemandedConcurrency(string exercise) => AssertPassed(exercise, CheckNames.Concurrency);

    private static void AssertPassed(string id, string checkName)
    {
        Exercise exercise = ExerciseCatalog.Find(id);
        string? students = ExerciseWorkspace.StudentDirectory();
        ExerciseResult result = Results.GetOrAdd(id, _ => new Lazy<ExerciseResult>(() => Grade(exercise, students))).Value;
        CheckResult check = result.Checks.Single(c => c.Name == checkName);
        Assert.That(check.Passed, Is.True,
            $"{exercise.Id}: {checkName} ({ExerciseWorkspace.Describe(exercise, students)}){Environment.NewLine}{check.Output}");
    }

    private static ExerciseResult Grade(Exercise exercise, string? students)
    {
        string scratch = Path.Combine(Settings.TraceDirectory, exercise.Id, "corpus-scratch");
        var corpus = RegressionCorpus.Build(exercise.Scenario, Settings.Seed, scratch);
        return ExerciseWorkspace.Grade(exercise, students, corpus, Settings);
    }
}
