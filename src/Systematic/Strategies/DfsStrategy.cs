namespace Lab.Systematic.Strategies;

/// <summary>
/// Exhaustive depth-first search over every choice, optionally preemption-bounded (Musuvathi and Qadeer, PLDI 2007).
/// Stateless: each iteration replays the path prefix and takes the next untried branch at the deepest open choice.
/// Continuing the current operation is always tried first, so low-preemption schedules come early.
/// </summary>
public sealed class DfsStrategy : ISchedulingStrategy
{
    private readonly List<Branch> _path = [];
    private readonly List<int> _options = [];
    private int _position;
    private int _preemptions;

    /// <summary>Creates an exhaustive search; <paramref name="preemptionBound"/> null means unbounded.</summary>
    public DfsStrategy(int? preemptionBound = null)
    {
        if (preemptionBound < 0) throw new ArgumentOutOfRangeException(nameof(preemptionBound), preemptionBound, "must be zero or more");
        PreemptionBound = preemptionBound;
    }

    /// <summary>The largest number of preemptions a schedule may contain, or null for none.</summary>
    public int? PreemptionBound { get; }

    /// <summary>True once every schedule within the bound has been explored.</summary>
    public bool Exhausted { get; private set; }

    /// <inheritdoc />
    public string Description => PreemptionBound is { } bound ? $"dfs(preemption-bound={bound})" : "dfs";

    /// <inheritdoc />
    public bool IsFair => false;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _position = 0;
        _preemptions = 0;
        if (iteration == 0)
        {
            _path.Clear();
            Exhausted = false;
            return true;
        }
        while (_path.Count > 0 && _path[^1].Chosen + 1 >= _path[^1].Count) _path.RemoveAt(_path.Count - 1);
        if (_path.Count == 0)
        {
            Exhausted = true;
            return false;
        }
        _path[^1] = _path[^1] with { Chosen = _path[^1].Chosen + 1 };
        return true;
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        _options.Clear();
        if (current >= 0) _options.Add(current);
        if (current < 0 || PreemptionBound is not { } bound || _preemptions < bound)
        {
            foreach (int id in enabled) if (id != current) _options.Add(id);
        }
        int chosen = _options[Choose(_options.Count)];
        if (current >= 0 && chosen != current) _preemptions++;
        return chosen;
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => Choose(2) == 1;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => Choose(maxValue);

    private int Choose(int count)
    {
        if (_position < _path.Count)
        {
            Branch branch = _path[_position++];
            if (branch.Count != count)
            {
                throw new NondeterminismException(
                    $"DFS replayed the same choices but found {count} options where it saw {branch.Count} before " +
                    $"(choice {_position}): the explored code depends on something uncontrolled (wall clock, System.Random, " +
                    "a real thread or static state left over from an earlier iteration).");
            }
            return branch.Chosen;
        }
        _path.Add(new Branch(count, 0));
        _position++;
        return 0;
    }

    private readonly record struct Branch(int Count, int Chosen);
}
