namespace Lab.Systematic.Strategies;

/// <summary>
/// Never preempts: the current operation goes on while it can, otherwise the oldest enabled one runs; choices take
/// their smallest value. The fallback that lets schedule minimisation add no preemption of its own.
/// </summary>
public sealed class NonPreemptiveStrategy : ISchedulingStrategy
{
    /// <inheritdoc />
    public string Description => "non-preemptive";

    /// <inheritdoc />
    public bool IsFair => false;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration) => true;

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step) => current >= 0 ? current : enabled[0];

    /// <inheritdoc />
    public bool NextBoolean(int step) => false;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => 0;
}
