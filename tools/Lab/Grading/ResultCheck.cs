using Lab.Cli.Exercises;

namespace Lab.Cli.Grading;

/// <summary>
/// What the grader checks in a result a worker sent before believing it: the exercise it was asked about, exactly the
/// checks and maximum points of <see cref="Scoring"/>, points that are all or nothing per check, and a verdict the
/// checks add up to. A worker runs student code, so anything else means it was tampered with or broke: Crashed.
/// </summary>
public static class ResultCheck
{
    /// <summary>Verdicts a worker may report; the others (Crashed, Missing) are the grader's to give.</summary>
    private static readonly IReadOnlySet<Verdict> WorkerVerdicts = new HashSet<Verdict>
    {
        Verdict.Correct, Verdict.Buggy, Verdict.OverSerialised, Verdict.CompileError, Verdict.TimedOut,
    };

    /// <summary>Why <paramref name="result"/> cannot be the result of grading <paramref name="exercise"/>, or null when it can.</summary>
    public static string? Problem(Exercise exercise, ExerciseResult result)
    {
        if (result.ExerciseId != exercise.Id) return $"it names exercise '{result.ExerciseId}', not '{exercise.Id}'";
        if (!Enum.IsDefined(result.Verdict) || !WorkerVerdicts.Contains(result.Verdict)) return $"a worker cannot report the verdict {result.Verdict}";
        if (result.Checks is null) return "it has no checks";
        var expected = Scoring.ChecksOf(exercise);
        if (result.Checks.Count != expected.Count) return $"it has {result.Checks.Count} checks, not {expected.Count}";
        for (int i = 0; i < expected.Count; i++)
        {
            CheckResult check = result.Checks[i];
            if (check is null || check.Name != expected[i].Name) return $"check {i + 1} is not '{expected[i].Name}'";
            if (check.MaxPoints != expected[i].MaxPoints) return $"'{check.Name}' is worth {expected[i].MaxPoints} points, not {check.MaxPoints}";
            if (check.Points != (check.Passed ? check.MaxPoints : 0)) return $"'{check.Name}' has {check.Points} points, which a {(check.Passed ? "passed" : "failed")} check cannot have";
            if (check.Output is null) return $"'{check.Name}' has no output";
        }
        Verdict consistent = ExerciseEvaluator.VerdictOf(result.Checks);
        bool allFailed = result.Checks.All(c => !c.Passed);
        bool agrees = result.Verdict switch
        {
            Verdict.CompileError => allFailed,
            Verdict.TimedOut => !result.Checks[0].Passed,
            _ => result.Verdict == consistent,
        };
        if (!agrees) return $"its verdict {result.Verdict} does not follow from its checks";
        if (!double.IsFinite(result.Seconds) || result.Seconds < 0) return "its time is not a duration";
        return null;
    }
}
