using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>
/// Decides from one recorded schedule whether two threads' calls overlapped: each thread's span runs from its first
/// to its last step (blocked attempts do not count, since a thread waiting for a lock has not entered); the calls
/// overlapped when the spans intersect. Behind one big lock the spans are always disjoint.
/// </summary>
public static class OverlapDetector
{
    /// <summary>True when the steps of <paramref name="first"/> and <paramref name="second"/> interleave in <paramref name="trace"/>.</summary>
    public static bool Overlaps(ScheduleTrace trace, string first, string second)
    {
        (int Start, int End)? a = Span(trace, first), b = Span(trace, second);
        return a is { } x && b is { } y && Math.Max(x.Start, y.Start) < Math.Min(x.End, y.End);
    }

    /// <summary>True for a step that only records a thread waiting or failing to get in.</summary>
    public static bool IsBlockedAttempt(StepRecord step) =>
        step.Action.EndsWith(" blocks", StringComparison.Ordinal) ||
        step.Action.EndsWith(" failed", StringComparison.Ordinal) ||
        step.Action.EndsWith(" timed out", StringComparison.Ordinal);

    private static (int Start, int End)? Span(ScheduleTrace trace, string operation)
    {
        int id = trace.Operations.ToList().IndexOf(operation);
        int start = -1, end = -1;
        for (int i = 0; i < trace.Steps.Count; i++)
        {
            if (trace.Steps[i].Operation != id || IsBlockedAttempt(trace.Steps[i])) continue;
            if (start < 0) start = i;
            end = i;
        }
        return id < 0 || start < 0 ? null : (start, end);
    }
}
