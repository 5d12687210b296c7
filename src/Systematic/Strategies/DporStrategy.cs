using Lab.Systematic.Strategies.Dpor;

namespace Lab.Systematic.Strategies;

/// <summary>
/// Exhaustive exploration up to reordering of independent steps: dynamic partial-order reduction with source sets and
/// sleep sets (Abdulla, Aronis, Jonsson and Sagonas, POPL 2014; after Flanagan and Godefroid, POPL 2005). Stateless:
/// each iteration replays a prefix of decisions and goes on with a new one. After each execution its races (pairs of
/// dependent steps of different threads with nothing ordered between them) add the threads that reverse them to the
/// decisions before them; sleep sets keep two explored executions from being reorderings of each other. Every
/// schedule it runs is an ordinary schedule, recorded and replayed like any other.
/// <para>
/// Dependency comes from the steps the runtime records: two steps of different threads are dependent when they touch
/// a resource of the same name and not both only read it (see <see cref="ExecutionLog"/>). A blocked attempt is a
/// stutter: it changes nothing, and the thread's real step is the one it takes when it can go on.
/// </para>
/// <para>
/// With a preemption bound, schedules with more preemptions are not run; a reversal that would need one is also tried
/// where the running thread's turn began (Coons, Musuvathi and McKinley, "Bounded partial-order reduction", OOPSLA
/// 2013), and sleep sets are off, since a sleeping thread may stand for a schedule the bound cuts off.
/// </para>
/// </summary>
public sealed class DporStrategy : ISchedulingStrategy, IStepObserver
{
    private readonly List<ExplorationNode> _path = [];
    private readonly ResourceNames _resources = new();
    private readonly ExecutionLog _log;
    private readonly HashSet<ulong> _traces = [];
    private int _position;
    private int _divergence;
    private bool _blocked;
    private bool _pending;
    private int _nextIteration;
    private bool _cutOff;

    /// <summary>Creates the search; <paramref name="preemptionBound"/> null means no bound on preemptions.</summary>
    public DporStrategy(int? preemptionBound = null)
    {
        if (preemptionBound < 0) throw new ArgumentOutOfRangeException(nameof(preemptionBound), preemptionBound, "must be zero or more");
        PreemptionBound = preemptionBound;
        _log = new ExecutionLog(_resources);
    }

    /// <summary>The largest number of preemptions a schedule may contain, or null for none.</summary>
    public int? PreemptionBound { get; }

    /// <summary>True once every Mazurkiewicz trace (within the bound) has been explored.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Executions run so far (the interleavings explored).</summary>
    public int Executions { get; private set; }

    /// <summary>Distinct Mazurkiewicz traces among the executions that ran to their end.</summary>
    public int Traces => _traces.Count;

    /// <summary>Executions abandoned because every enabled thread was asleep or over the preemption bound.</summary>
    public int BlockedExecutions { get; private set; }

    /// <inheritdoc />
    public string Description => PreemptionBound is { } bound ? $"dpor(preemption-bound={bound})" : "dpor";

    /// <inheritdoc />
    public bool IsFair => false;

    private bool UsesSleepSets => PreemptionBound is null;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        if (iteration == 0)
        {
            _path.Clear();
            _traces.Clear();
            Executions = BlockedExecutions = 0;
            Exhausted = false;
            _divergence = 0;
        }
        else
        {
            if (iteration != _nextIteration || Exhausted) return false;
            FinishExecution();
            if (!Backtrack())
            {
                Exhausted = true;
                return false;
            }
        }
        _nextIteration = iteration + 1;
        _position = 0;
        _blocked = false;
        _cutOff = false;
        _log.Reset();
        return true;
    }

    /// <summary>Analyses the last execution if no later iteration did (the exploration stopped at a bug or a limit).</summary>
    public void FinishExploration()
    {
        if (_pending) FinishExecution();
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        if (_blocked) return current >= 0 ? current : enabled[0];
        if (_position < _path.Count)
        {
            if (_path[_position] is not ScheduleNode replayed || !replayed.Enabled.AsSpan().SequenceEqual(enabled.ToArray()))
            {
                throw new NondeterminismException(
                    $"DPOR replayed the same choices but found operations [{string.Join(", ", enabled)}] enabled at decision {_position + 1}, " +
                    "not what it saw before: the explored code depends on something uncontrolled (wall clock, System.Random, a real " +
                    "thread or static state left over from an earlier iteration).");
            }
            _log.Begin(replayed.Chosen, _position++);
            return replayed.Chosen;
        }
        ScheduleNode? node = CreateNode(enabled, current);
        if (node is null)
        {
            _blocked = true;
            _log.Stop();
            return current >= 0 ? current : enabled[0];
        }
        _path.Add(node);
        _log.Begin(node.Chosen, _position++);
        return node.Chosen;
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => Choose(2) == 1;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => Choose(maxValue);

    void IStepObserver.OnCreated(int operation, string name)
    {
        if (operation == 0) _pending = true;
        _log.OnCreated(operation, name);
    }

    void IStepObserver.OnStep(int operation, string action, string? resource, long? value) => _log.OnStep(action, resource, value);

    void IStepObserver.OnBlocked(int operation, string resource, bool timed) => _log.OnBlocked(operation, resource, timed);

    void IStepObserver.OnCompleted(int operation) => _log.OnCompleted(operation);

    void IStepObserver.OnStepBoundReached()
    {
        // The operations now unwind and complete; their ends are no steps of this run.
        _cutOff = true;
        _log.Stop();
    }

    private int Choose(int count)
    {
        if (_blocked) return 0;
        if (_position < _path.Count)
        {
            if (_path[_position] is not ValueNode replayed || replayed.Count != count)
            {
                throw new NondeterminismException(
                    $"DPOR replayed the same choices but the program asked for a choice among {count} at decision {_position + 1}, " +
                    "not what it asked before: the explored code depends on something uncontrolled.");
            }
            _position++;
            return replayed.Chosen;
        }
        _path.Add(new ValueNode(count, _log.Events.Count - 1));
        _position++;
        return 0;
    }

    /// <summary>
    /// A decision met for the first time: its sleep set comes from the decision before it (threads asleep or done
    /// there whose step is independent of the step just taken), and it continues the current thread when it may.
    /// </summary>
    private ScheduleNode? CreateNode(IReadOnlyList<int> enabled, int current)
    {
        ScheduleNode? parent = LastScheduleNode();
        var sleep = new List<(int Thread, Access[] Footprint)>();
        if (parent is not null && UsesSleepSets && _log.Current is { } justTaken)
        {
            foreach (var entry in parent.Sleep.Concat(parent.Done.Where(done => !parent.CutOff.Contains(done.Thread))))
            {
                if (entry.Thread != parent.Chosen && !Access.Dependent(entry.Footprint, justTaken.Accesses)) sleep.Add(entry);
            }
        }
        int preemptions = parent?.PreemptionsAfter(parent.Chosen) ?? 0;
        var node = new ScheduleNode(enabled.ToArray(), current, preemptions, sleep, _log.Events.Count);
        int chosen = Allows(node, current) ? current : enabled.FirstOrDefault(id => Allows(node, id), -1);
        if (chosen < 0) return null;
        node.Chosen = chosen;
        node.Backtrack.Add(chosen);
        return node;
    }

    private bool Allows(ScheduleNode node, int thread) =>
        thread >= 0 && node.IsEnabled(thread) && !node.IsAsleep(thread) && !node.IsDone(thread) && WithinBound(node, thread);

    private bool WithinBound(ScheduleNode node, int thread) => PreemptionBound is not { } bound || node.PreemptionsAfter(thread) <= bound;

    private ScheduleNode? LastScheduleNode()
    {
        for (int i = _path.Count - 1; i >= 0; i--)
        {
            if (_path[i] is ScheduleNode node) return node;
        }
        return null;
    }

    /// <summary>Finds the races of the execution just run, adds their reversals, and counts its trace.</summary>
    private void FinishExecution()
    {
        _pending = false;
        Executions++;
        _log.Close();
        IReadOnlyList<ExecutionEvent> events = _log.Events;
        int racesFrom = _divergence < _path.Count ? _path[_divergence].EventIndex : 0;
        var order = new HappensBefore(events, Math.Max(0, racesFrom));
        foreach ((int earlier, int later) in order.Races)
        {
            int at = events[earlier].Node;
            if (at >= 0) Reverse(at, events[later].Thread, order.Initials(earlier, later));
        }
        if (!_blocked && _cutOff && LastScheduleNode() is { } last)
        {
            // The step bound cut the run off. Every thread chosen on its path has continuations nobody saw, so none of them may sleep.
            foreach (ExplorationNode node in _path)
            {
                if (node is ScheduleNode scheduled) scheduled.CutOff.Add(scheduled.Chosen);
            }
            // The next step of a thread still enabled never ran, so no race of it was seen, and it may conflict with
            // anything: try it just before the latest step of another thread. That is the last decision unless the
            // thread itself was chosen there, which happens when its beginning (a step that touches nothing) was all
            // the bound let it run; then it is the latest decision that chose another thread.
            foreach (int thread in last.Enabled)
            {
                ScheduleNode? before = LatestChoiceOfAnother(thread);
                if (before is not null && before.IsEnabled(thread) && !before.IsAsleep(thread) && WithinBound(before, thread)) before.Backtrack.Add(thread);
            }
        }
        foreach (ExplorationNode node in _path)
        {
            if (node is ScheduleNode scheduled && node.EventIndex < events.Count)
            {
                foreach (Access access in events[node.EventIndex].Accesses) Access.Merge(scheduled.ChosenFootprint, access);
            }
        }
        if (_blocked) BlockedExecutions++;
        else _traces.Add(order.Fingerprint());
    }

    /// <summary>The latest decision on the path that chose a thread other than <paramref name="thread"/>.</summary>
    private ScheduleNode? LatestChoiceOfAnother(int thread)
    {
        for (int i = _path.Count - 1; i >= 0; i--)
        {
            if (_path[i] is ScheduleNode node && node.Chosen != thread) return node;
        }
        return null;
    }

    /// <summary>
    /// Makes sure some thread that can start the reversed race is explored at decision <paramref name="at"/> (the
    /// source-set condition); a race whose later thread could not run there (it was blocked) cannot be reversed.
    /// </summary>
    private void Reverse(int at, int later, List<int> initials)
    {
        var node = (ScheduleNode)_path[at];
        if (!node.IsEnabled(later) || initials.Count == 0) return;
        AddOneOf(node, later, initials);
        if (PreemptionBound is not null)
        {
            int start = TurnStart(at);
            if (start != at) AddOneOf((ScheduleNode)_path[start], later, initials);
        }
    }

    private void AddOneOf(ScheduleNode node, int preferred, List<int> initials)
    {
        if (initials.Exists(node.Backtrack.Contains)) return;
        bool Fits(int thread) => node.IsEnabled(thread) && !node.IsAsleep(thread) && WithinBound(node, thread);
        int choice = initials.Contains(preferred) && Fits(preferred) ? preferred : initials.Where(Fits).DefaultIfEmpty(-1).Min();
        if (choice >= 0) node.Backtrack.Add(choice);
    }

    /// <summary>The decision at which the thread chosen at <paramref name="at"/> began its current turn.</summary>
    private int TurnStart(int at)
    {
        int thread = ((ScheduleNode)_path[at]).Chosen;
        int start = at;
        for (int i = at - 1; i >= 0; i--)
        {
            if (_path[i] is not ScheduleNode node) continue;
            if (node.Chosen != thread) break;
            start = i;
        }
        return start;
    }

    /// <summary>Moves to the deepest decision with something left to explore; false when nothing is left.</summary>
    private bool Backtrack()
    {
        while (_path.Count > 0)
        {
            int index = _path.Count - 1;
            if (_path[index] is ValueNode value)
            {
                if (value.Chosen + 1 < value.Count)
                {
                    value.Chosen++;
                    _divergence = index;
                    return true;
                }
            }
            else
            {
                var node = (ScheduleNode)_path[index];
                node.Done.Add((node.Chosen, node.ChosenFootprint.ToArray()));
                node.ChosenFootprint.Clear();
                int next = node.Backtrack.Where(t => !node.IsDone(t) && !node.IsAsleep(t)).DefaultIfEmpty(-1).Min();
                if (next >= 0)
                {
                    node.Chosen = next;
                    _divergence = index;
                    return true;
                }
            }
            _path.RemoveAt(index);
        }
        return false;
    }
}
