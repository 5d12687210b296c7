namespace Lab.Systematic.Strategies;

/// <summary>
/// Lets an inner strategy decide only where the running operation could go on (whether and to whom to preempt); where
/// it cannot (blocked or finished), the oldest enabled operation runs. A preemption-bounded DFS wrapped in it
/// searches where to preempt without also branching over every order of the non-preemptive switches, so a small
/// bound stays a small search even with many threads: minimisation's search for the fewest preemptions.
/// </summary>
internal sealed class PreemptionPointStrategy(ISchedulingStrategy inner) : ISchedulingStrategy
{
    /// <inheritdoc />
    public string Description => $"preemption-points({inner.Description})";

    /// <inheritdoc />
    public bool IsFair => false;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration) => inner.PrepareIteration(iteration);

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step) =>
        current >= 0 ? inner.NextOperation(enabled, current, step) : enabled[0];

    /// <inheritdoc />
    public bool NextBoolean(int step) => inner.NextBoolean(step);

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => inner.NextInteger(maxValue, step);
}
