using Lab.Cli.Exercises;
using Lab.Cli.Scenarios;
using Lab.Scenarios;

namespace Lab.Cli.Grading;

/// <summary>The implementation an exercise is graded on: a student's compiled class, or the scenario's reference fix.</summary>
/// <param name="Subject">The test name traces carry, "{scenarioId} (submission)" or "{scenarioId} (fixed)".</param>
/// <param name="Factory">Creates a fresh instance per iteration.</param>
/// <param name="SubmissionPath">The student's file, which the replay command must compile again; null for the reference.</param>
public sealed record ExerciseSubject(TestSubject Subject, Func<object> Factory, string? SubmissionPath)
{
    /// <summary>The scenario's own fixed implementation, which the repository's CI grades by default.</summary>
    public static ExerciseSubject Reference(Exercise exercise) =>
        new(TestSubject.For(exercise.Scenario, Variant.Fixed), exercise.Scenario.Factory(Variant.Fixed), null);

    /// <summary>A student's class compiled from <paramref name="path"/>.</summary>
    public static ExerciseSubject Submission(Exercise exercise, Type implementation, string path) =>
        new(TestSubject.ForSubmission(exercise.Scenario), ImplementationFinder.FactoryFor(implementation), Path.GetFullPath(path));

    /// <summary>The command that replays <paramref name="tracePath"/> against this implementation.</summary>
    public string ReplayCommand(string tracePath) => SubmissionPath is null
        ? $"dotnet run --project tools/Lab -- replay \"{tracePath}\""
        : $"dotnet run --project tools/Lab -- replay \"{tracePath}\" --submission \"{SubmissionPath}\"";
}
