using Lab.Cli.Exercises;

namespace Lab.Cli.Grading;

/// <summary>
/// Turns how a worker ended into the exercise's result: the result it sent on its <see cref="WorkerChannel"/> once
/// <see cref="ResultCheck"/> accepts it, or why there is none. Its stdout is never read for a result.
/// </summary>
public static class WorkerVerdict
{
    /// <summary>The most characters of a crashed worker's error output quoted in its report.</summary>
    public const int ErrorTail = 2_000;

    /// <summary>The result <paramref name="outcome"/> stands for, given the time limit it ran under.</summary>
    public static ExerciseResult ResultOf(Exercise exercise, WorkerOutcome outcome, TimeSpan timeout)
    {
        double seconds = outcome.Elapsed.TotalSeconds;
        bool compiling = outcome.LastPhase == WorkerChannel.Compiling;
        if (outcome.TimedOut && compiling)
        {
            return ExerciseResult.Unchecked(exercise, Verdict.TimedOut,
                $"Compiling the file did not finish within the time limit of {timeout.TotalSeconds:0.#} s: the compiler cannot finish code this " +
                "deeply nested or this heavily overloaded (lambdas inside lambdas over overloaded methods?). Simplify it.", seconds);
        }
        if (outcome.TimedOut)
        {
            return ExerciseResult.Unchecked(exercise, Verdict.TimedOut,
                $"Grading was stopped at the time limit of {timeout.TotalSeconds:0.#} s (processor time; {outcome.Elapsed.TotalSeconds:0.#} s " +
                "on the clock): the submission did not finish. Look for a loop that never ends or never reaches a scheduling point " +
                "(a Lock, Shared<T>, Interlocked, ... call), or a wait that nothing ends.", seconds);
        }
        if (outcome.ResultJsonText is null && compiling)
        {
            return ExerciseResult.Unchecked(exercise, Verdict.CompileError,
                $"The compiler could not compile this file: it crashed (exit code {outcome.ExitCode}) on code nested too deeply " +
                "(thousands of parentheses or braces?). Simplify it.", seconds);
        }
        if (outcome.ResultJsonText is not { } json) return ExerciseResult.Unchecked(exercise, Verdict.Crashed, CrashMessage(outcome), seconds);
        if (ResultJson.Deserialize(json) is not { } result)
        {
            return ExerciseResult.Unchecked(exercise, Verdict.Crashed, "The grading process sent a result the grader cannot read, so it is not trusted.", seconds);
        }
        string? problem = outcome.ExitCode == 0 ? ResultCheck.Problem(exercise, result) : $"the process then ended with exit code {outcome.ExitCode}";
        return problem is null
            ? result with { Seconds = seconds }
            : ExerciseResult.Unchecked(exercise, Verdict.Crashed, $"The grading process sent a result the grader rejects: {problem}.", seconds);
    }

    /// <summary>Why the worker died, with the end of its error output.</summary>
    public static string CrashMessage(WorkerOutcome outcome)
    {
        string error = outcome.Error.Trim();
        string cause = error.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)
            ? "a stack overflow (unbounded recursion?)"
            : "the submission ending the process (Environment.Exit?) or crashing it";
        string tail = error.Length > ErrorTail ? "..." + error[^ErrorTail..] : error;
        return $"The grading process ended with exit code {outcome.ExitCode} before reporting a result: {cause}." +
               (tail.Length > 0 ? $"{Environment.NewLine}{tail}" : "");
    }
}
