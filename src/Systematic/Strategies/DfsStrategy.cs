namespace Lab.Systematic.Strategies;

/// <summary>
/// Exhaustive depth-first search over every choice, optionally preemption-bounded (Musuvathi and Qadeer, PLDI 2007).
/// Stateless: each iteration replays a path from the root of the choice tree it keeps. Scheduling choices are
/// searched depth first, continuing the current operation first, so low-preemption schedules come early. Data
/// choices (<c>Choice</c>) take their values in turn, one iteration each, and each value keeps its own depth-first
/// search below it: a capped search spends its budget on every value of an early choice instead of only the first.
/// </summary>
public sealed class DfsStrategy : ISchedulingStrategy
{
    /// <summary>Stands in the child slot of a subtree that has been explored completely.</summary>
    private static readonly Node Explored = new(0, isData: false);

    private readonly List<(Node Node, int Child)> _taken = [];
    private readonly List<int> _options = [];
    private Node? _root;
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
        _preemptions = 0;
        if (iteration == 0)
        {
            _root = null;
            _taken.Clear();
            Exhausted = false;
            return true;
        }
        if (!Exhausted) Exhausted = CloseLastPath();
        _taken.Clear();
        return !Exhausted;
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
        int chosen = _options[Choose(_options.Count, isData: false)];
        if (current >= 0 && chosen != current) _preemptions++;
        return chosen;
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => Choose(2, isData: true) == 1;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => Choose(maxValue, isData: true);

    private int Choose(int count, bool isData)
    {
        Node node;
        if (_taken.Count == 0)
        {
            node = _root ??= new Node(count, isData);
        }
        else
        {
            (Node parent, int slot) = _taken[^1];
            node = parent.Children[slot] ??= new Node(count, isData);
        }
        if (node.Count != count || node.IsData != isData)
        {
            throw new NondeterminismException(
                $"DFS replayed the same choices but found {count} options where it saw {node.Count} before " +
                $"(choice {_taken.Count + 1}): the explored code depends on something uncontrolled (wall clock, System.Random, " +
                "a real thread or static state left over from an earlier iteration).");
        }
        int child = node.Pick();
        _taken.Add((node, child));
        return child;
    }

    /// <summary>Marks the path just run as explored, and every node above it whose children are now all explored; true when the root is.</summary>
    private bool CloseLastPath()
    {
        if (_taken.Count == 0) return true;
        for (int i = _taken.Count - 1; i >= 0; i--)
        {
            (Node node, int child) = _taken[i];
            if (!node.MarkExplored(child)) return false;
        }
        return true;
    }

    /// <summary>One choice point of the tree: its children in progress, and which are explored.</summary>
    private sealed class Node(int count, bool isData)
    {
        private int _remaining = count;
        private int _next;

        public int Count { get; } = count;

        public bool IsData { get; } = isData;

        /// <summary>Null: not tried yet; <see cref="Explored"/>: done; otherwise the subtree in progress.</summary>
        public Node?[] Children { get; } = new Node?[count];

        /// <summary>A scheduling choice takes its first unexplored option; a data choice the next unexplored one in turn.</summary>
        public int Pick()
        {
            int start = IsData ? _next : 0;
            for (int offset = 0; offset < Count; offset++)
            {
                int child = (start + offset) % Count;
                if (ReferenceEquals(Children[child], Explored)) continue;
                if (IsData) _next = (child + 1) % Count;
                return child;
            }
            throw new InvalidOperationException("DFS walked into a subtree it had already explored");
        }

        /// <summary>Marks a child explored; true when that was the last one.</summary>
        public bool MarkExplored(int child)
        {
            if (!ReferenceEquals(Children[child], Explored))
            {
                Children[child] = Explored;
                _remaining--;
            }
            return _remaining == 0;
        }
    }
}
