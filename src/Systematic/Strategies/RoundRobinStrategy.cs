namespace Lab.Systematic.Strategies;

/// <summary>
/// Strict round-robin: each decision runs the next enabled operation after the last one run, by id, cyclically; data
/// choices take their smallest value. Every enabled operation runs within one round, so it is fair, and a program
/// whose state repeats repeats its schedule too: the tail of a lasso.
/// </summary>
internal sealed class RoundRobinStrategy : ISchedulingStrategy
{
    private int _last = -1;

    /// <inheritdoc />
    public string Description => "round-robin";

    /// <inheritdoc />
    public bool IsFair => true;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _last = -1;
        return true;
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        int next = int.MaxValue, first = int.MaxValue;
        foreach (int id in enabled)
        {
            first = Math.Min(first, id);
            if (id > _last) next = Math.Min(next, id);
        }
        _last = next != int.MaxValue ? next : first;
        return _last;
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => false;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => 0;
}
