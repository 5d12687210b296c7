using Lab.Systematic.Strategies;

namespace Lab.Systematic.Tests;

/// <summary>
/// One iteration that switches to another operation at every decision it can (the next enabled id, cyclically) and
/// takes the largest value of every choice: schedules with as many preemptions as the program allows, to minimise.
/// </summary>
internal sealed class AlternatingStrategy : ISchedulingStrategy
{
    public string Description => "alternating";

    public bool IsFair => false;

    public bool PrepareIteration(int iteration) => iteration == 0;

    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        foreach (int id in enabled) if (id > current) return id;
        return enabled[0];
    }

    public bool NextBoolean(int step) => true;

    public int NextInteger(int maxValue, int step) => maxValue - 1;
}
