using System.Collections.Concurrent;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Systematic.Traces;

namespace Lab.Cli.Tests.Support;

/// <summary>Grades one submitted file in this process with the checks and settings <c>lab grade</c> uses, the regression corpus built once per exercise.</summary>
public static class NonSolutionGrading
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<ScheduleTrace>>> Corpora = new();

    /// <summary>The settings every grading here uses: the defaults, with traces in a folder of their own.</summary>
    public static GradingSettings Settings { get; } = new() { TraceDirectory = Path.Combine(Path.GetTempPath(), "lab-traces", "non-solutions") };

    /// <summary>The non-solutions: one folder per exercise, one folder per case in it.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "NonSolutions");

    /// <summary>The file of case <paramref name="student"/> of exercise <paramref name="exerciseId"/>.</summary>
    public static string FileOf(string exerciseId, string student) =>
        Path.Combine(Root, exerciseId, student, ExerciseCatalog.Find(exerciseId).FileName);

    /// <summary>Grades the file of case <paramref name="student"/> of exercise <paramref name="exerciseId"/>.</summary>
    public static ExerciseResult Grade(string exerciseId, string student) => GradeFile(exerciseId, FileOf(exerciseId, student));

    /// <summary>Grades <paramref name="file"/> as a submission of exercise <paramref name="exerciseId"/>.</summary>
    public static ExerciseResult GradeFile(string exerciseId, string file)
    {
        Exercise exercise = ExerciseCatalog.Find(exerciseId);
        IReadOnlyList<ScheduleTrace> corpus = Corpora.GetOrAdd(exercise.Id, id => new Lazy<IReadOnlyList<ScheduleTrace>>(() =>
            RegressionCorpus.Build(exercise.Scenario, Settings.Seed, Path.Combine(Settings.TraceDirectory, id, "corpus-scratch")))).Value;
        return SubmissionGrader.Grade(exercise, SubmissionCompiler.CompileFile(file), corpus, Settings);
    }

    /// <summary>The output of the named check.</summary>
    public static string OutputOf(this ExerciseResult result, string check) => result.Checks.Single(c => c.Name == check).Output;
}
