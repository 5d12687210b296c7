namespace Lab.Systematic.Strategies;

/// <summary>
/// A fair strategy for liveness checking: a short random prefix, then round-robin over the enabled operations with a
/// seeded quantum (delay-bounded round-robin, after Emmi, Qadeer and Rakamarić). Every enabled operation runs at
/// least once in any window of <c>quantum × operations</c> steps after the prefix, so a liveness violation found under
/// it cannot be blamed on the scheduler starving a thread.
/// </summary>
public sealed class FairStrategy(ulong seed) : ISchedulingStrategy
{
    /// <summary>The longest random prefix; after it the schedule is strictly round-robin.</summary>
    public const int MaxPrefix = 24;

    /// <summary>The largest round-robin quantum (consecutive steps one operation keeps the processor).</summary>
    public const int MaxQuantum = 3;

    private DeterministicRandom _random = new(seed);
    private int _prefix;
    private int _quantum;
    private int _runLength;
    private int _last = -1;

    /// <inheritdoc />
    public string Description => "fair";

    /// <inheritdoc />
    public bool IsFair => true;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _random = new DeterministicRandom(DeterministicRandom.Derive(seed, (ulong)iteration));
        _prefix = _random.Next(MaxPrefix + 1);
        _quantum = 1 + _random.Next(MaxQuantum);
        _runLength = 0;
        _last = -1;
        return true;
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        int chosen = step <= _prefix ? enabled[_random.Next(enabled.Count)] : RoundRobin(enabled, current);
        _runLength = chosen == _last ? _runLength + 1 : 1;
        _last = chosen;
        return chosen;
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => _random.NextBoolean();

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => _random.Next(maxValue);

    /// <summary>The next enabled id after the last one run, cyclically.</summary>
    private int RoundRobin(IReadOnlyList<int> enabled, int current)
    {
        if (current >= 0 && current == _last && _runLength < _quantum) return current;
        int next = int.MaxValue, first = int.MaxValue;
        foreach (int id in enabled)
        {
            first = Math.Min(first, id);
            if (id > _last) next = Math.Min(next, id);
        }
        return next != int.MaxValue ? next : first;
    }
}
