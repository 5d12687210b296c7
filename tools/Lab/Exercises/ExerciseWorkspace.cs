using Lab.Cli.Grading;
using Lab.Systematic.Traces;

namespace Lab.Cli.Exercises;

/// <summary>
/// What the exercise tests grade: by default the scenarios' reference fixes (so the repository's CI stays green);
/// with LAB_EXERCISES set to a folder, the student's files in it, compiled with Roslyn exactly as <c>lab grade</c> does.
/// </summary>
public static class ExerciseWorkspace
{
    /// <summary>The environment variable that points the exercise tests at a folder of student files.</summary>
    public const string Variable = "LAB_EXERCISES";

    /// <summary>The student folder LAB_EXERCISES names, or null when the reference fixes are graded.</summary>
    public static string? StudentDirectory() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? Locate(value) : null;

    /// <summary>
    /// Resolves a folder given relative to where the student typed the command: as given, then against each folder
    /// above the test's output (dotnet test runs tests from bin/, not from the repository root).
    /// </summary>
    public static string Locate(string folder)
    {
        if (Path.IsPathRooted(folder) || Directory.Exists(folder)) return Path.GetFullPath(folder);
        for (DirectoryInfo? at = new(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            string candidate = Path.Combine(at.FullName, folder);
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(folder);
    }

    /// <summary>Grades <paramref name="exercise"/>: the student's file in <paramref name="studentDirectory"/>, or the reference fix when it is null.</summary>
    public static ExerciseResult Grade(Exercise exercise, string? studentDirectory, IReadOnlyList<ScheduleTrace> corpus, GradingSettings settings)
    {
        if (studentDirectory is null) return ExerciseEvaluator.Evaluate(exercise, ExerciseSubject.Reference(exercise), corpus, settings);
        string file = Path.Combine(studentDirectory, exercise.FileName);
        return File.Exists(file)
            ? SubmissionGrader.Grade(exercise, SubmissionCompiler.CompileFile(file), corpus, settings)
            : ExerciseResult.Unchecked(exercise, Verdict.Missing, $"{file} does not exist; {Variable} should name the folder holding {exercise.FileName}.");
    }

    /// <summary>What was graded, in words, to head every test message.</summary>
    public static string Describe(Exercise exercise, string? studentDirectory) => studentDirectory is null
        ? $"graded: the reference fix of {exercise.ScenarioId} (set {Variable}=exercises to grade your own files)"
        : $"graded: {Path.Combine(studentDirectory, exercise.FileName)}";
}
