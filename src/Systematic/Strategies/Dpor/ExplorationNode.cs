namespace Lab.Systematic.Strategies.Dpor;

/// <summary>One decision on the current path of the exploration tree.</summary>
internal abstract class ExplorationNode(int eventIndex)
{
    /// <summary>The execution event during which (value choice) or at whose start (scheduling) the decision is made.</summary>
    public int EventIndex { get; } = eventIndex;
}

/// <summary>A controlled value choice: every value is explored, as in plain DFS.</summary>
internal sealed class ValueNode(int count, int eventIndex) : ExplorationNode(eventIndex)
{
    public int Count { get; } = count;

    public int Chosen { get; set; }
}

/// <summary>
/// A scheduling decision with its DPOR sets. <see cref="Backtrack"/> holds the threads to explore here (chosen, done
/// or still to do); <see cref="Sleep"/> holds threads whose every continuation from here is already covered, each with
/// the footprint of the step it takes first; <see cref="Done"/> holds the threads explored here, with the union of
/// the footprints their step had over all explored value choices.
/// </summary>
internal sealed class ScheduleNode(int[] enabled, int current, int preemptionsBefore, List<(int Thread, Access[] Footprint)> sleep, int eventIndex)
    : ExplorationNode(eventIndex)
{
    public int[] Enabled { get; } = enabled;

    /// <summary>The operation at the scheduling point when it could go on, else -1: choosing another one preempts it.</summary>
    public int Current { get; } = current;

    public int PreemptionsBefore { get; } = preemptionsBefore;

    public List<(int Thread, Access[] Footprint)> Sleep { get; } = sleep;

    public List<(int Thread, Access[] Footprint)> Done { get; } = [];

    public HashSet<int> Backtrack { get; } = [];

    /// <summary>
    /// Threads explored here some of whose runs the step bound cut off: what they would have done later was never
    /// seen, so they are not put to sleep after this decision (a sleeping thread must stand for a covered subtree).
    /// </summary>
    public HashSet<int> CutOff { get; } = [];

    public int Chosen { get; set; }

    /// <summary>What the chosen thread's step touched, over every execution through this choice so far.</summary>
    public List<Access> ChosenFootprint { get; } = [];

    public bool IsEnabled(int thread) => Array.IndexOf(Enabled, thread) >= 0;

    public bool IsAsleep(int thread) => Sleep.Exists(s => s.Thread == thread);

    public bool IsDone(int thread) => Done.Exists(d => d.Thread == thread);

    /// <summary>The preemptions a schedule has after choosing <paramref name="thread"/> here.</summary>
    public int PreemptionsAfter(int thread) => PreemptionsBefore + (Current >= 0 && thread != Current ? 1 : 0);
}
