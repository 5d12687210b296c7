using Lab.Cli.Commands;
using Lab.Cli.Exercises;
using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>
/// Grades a compiled submission in this process: compiler errors become a <see cref="Verdict.CompileError"/> result,
/// otherwise the implementing class is found and evaluated. Loads and runs student code: call it only in a process
/// that may die (a grading worker) or that the student owns (the exercise tests).
/// </summary>
public static class SubmissionGrader
{
    /// <summary>The result of <paramref name="compiled"/> on <paramref name="exercise"/>.</summary>
    public static ExerciseResult Grade(Exercise exercise, CompiledSubmission compiled, IReadOnlyList<ScheduleTrace> corpus, GradingSettings settings)
    {
        if (!compiled.Succeeded) return CompileErrors(exercise, compiled);
        Type implementation;
        try
        {
            implementation = ImplementationFinder.Find(compiled.Load(), exercise.Scenario.Contract);
        }
        catch (UsageException problem)
        {
            return ExerciseResult.Unchecked(exercise, Verdict.CompileError, $"{Path.GetFileName(compiled.SourcePath)}: {problem.Message}");
        }
        return ExerciseEvaluator.Evaluate(exercise, ExerciseSubject.Submission(exercise, implementation, compiled.SourcePath), corpus, settings);
    }

    /// <summary>The result of a file that did not compile: every check fails with the compiler's messages.</summary>
    public static ExerciseResult CompileErrors(Exercise exercise, CompiledSubmission compiled) =>
        ExerciseResult.Unchecked(exercise, Verdict.CompileError,
            $"{Path.GetFileName(compiled.SourcePath)} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, compiled.Errors)}");
}
