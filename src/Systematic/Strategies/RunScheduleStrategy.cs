namespace Lab.Systematic.Strategies;

/// <summary>
/// Follows a schedule given as runs: operation X for n decisions, then Y for m, ... A run whose operation cannot go
/// on (blocked or finished) is left for the next one; after the last run, the current operation goes on while it
/// can (no preemption of its own). Data choices take their smallest value. Minimisation edits runs (merging one into
/// another of the same operation removes a switch) and tries the result with this strategy.
/// </summary>
public sealed class RunScheduleStrategy(IReadOnlyList<ScheduleRun> runs) : ISchedulingStrategy
{
    private int _run;
    private int _used;

    /// <inheritdoc />
    public string Description => "runs";

    /// <inheritdoc />
    public bool IsFair => false;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _run = 0;
        _used = 0;
        return true;
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        for (; _run < runs.Count; _run++, _used = 0)
        {
            ScheduleRun run = runs[_run];
            if (_used >= run.Length || !enabled.Contains(run.Operation)) continue;
            _used++;
            return run.Operation;
        }
        return current >= 0 ? current : enabled[0];
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => false;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => 0;

    /// <summary>The runs of a sequence of scheduling decisions (operation ids).</summary>
    public static List<ScheduleRun> RunsOf(IEnumerable<int> operations)
    {
        var runs = new List<ScheduleRun>();
        foreach (int operation in operations)
        {
            if (runs.Count > 0 && runs[^1].Operation == operation) runs[^1] = runs[^1] with { Length = runs[^1].Length + 1 };
            else runs.Add(new ScheduleRun(operation, 1));
        }
        return runs;
    }
}

/// <summary>One run of a <see cref="RunScheduleStrategy"/> schedule: <see cref="Operation"/> for <see cref="Length"/> decisions.</summary>
public readonly record struct ScheduleRun(int Operation, int Length);
