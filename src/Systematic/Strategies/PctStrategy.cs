namespace Lab.Systematic.Strategies;

/// <summary>
/// Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010): random operation priorities plus
/// <c>depth - 1</c> priority-change points. Finds a bug of depth d with probability at least 1/(n·k^(d-1)).
/// </summary>
public sealed class PctStrategy : ISchedulingStrategy
{
    private readonly ulong _seed;
    private readonly int _depth;
    private readonly List<int> _priorities = [];      // operation ids, highest priority first
    private readonly HashSet<int> _changePoints = [];
    private DeterministicRandom _random;
    private int _horizon = InitialHorizon;              // estimated steps per iteration, from the calibration run
    private bool _calibrated;

    /// <summary>The step horizon assumed before any iteration has completed.</summary>
    public const int InitialHorizon = 100;

    /// <summary>Creates a PCT strategy that targets bugs of depth <paramref name="depth"/> (d ≥ 1).</summary>
    public PctStrategy(ulong seed, int depth)
    {
        if (depth < 1) throw new ArgumentOutOfRangeException(nameof(depth), depth, "PCT depth must be at least 1");
        _seed = seed;
        _depth = depth;
        _random = new DeterministicRandom(seed);
    }

    /// <inheritdoc />
    public string Description => $"pct(depth={_depth})";

    /// <inheritdoc />
    public bool IsFair => false;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _random = new DeterministicRandom(DeterministicRandom.Derive(_seed, (ulong)iteration));
        _priorities.Clear();
        _changePoints.Clear();
        for (int i = 1; i < _depth && _changePoints.Count < _horizon; i++)
        {
            while (!_changePoints.Add(1 + _random.Next(_horizon))) { }
        }
        return true;
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        foreach (int id in enabled)
        {
            if (!_priorities.Contains(id)) _priorities.Insert(_random.Next(_priorities.Count + 1), id);
        }
        int chosen = HighestPriority(enabled);
        if (_changePoints.Remove(step))
        {
            _priorities.Remove(chosen);
            _priorities.Add(chosen);
            chosen = HighestPriority(enabled);
        }
        return chosen;
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => _random.NextBoolean();

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => _random.Next(maxValue);

    /// <inheritdoc />
    /// <remarks>
    /// Only the first report sizes the horizon (the engine sends a calibration run's length first), so that every
    /// iteration stays a pure function of the seed and its index, whatever ran before it or on other workers.
    /// </remarks>
    public void CompleteIteration(int steps)
    {
        if (_calibrated) return;
        _calibrated = true;
        _horizon = Math.Max(1, steps);
    }

    private int HighestPriority(IReadOnlyList<int> enabled)
    {
        foreach (int id in _priorities)
        {
            if (Contains(enabled, id)) return id;
        }
        throw new InvalidOperationException("no enabled operation has a priority");
    }

    private static bool Contains(IReadOnlyList<int> ids, int id)
    {
        for (int i = 0; i < ids.Count; i++) if (ids[i] == id) return true;
        return false;
    }
}
