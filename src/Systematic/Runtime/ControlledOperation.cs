namespace Lab.Systematic.Runtime;

/// <summary>
/// A logical thread under the scheduler's control. Its fields are touched only by the operation holding the baton
/// (or by the engine between iterations), so none of them needs a lock.
/// </summary>
internal sealed class ControlledOperation(ControlledRuntime runtime, int id, string name, Action body)
{
    public ControlledRuntime Runtime { get; } = runtime;

    /// <summary>Creation order within the iteration: the stable key used by traces.</summary>
    public int Id { get; } = id;

    public string Name { get; } = name;

    public Action Body { get; } = body;

    public OperationStatus Status { get; set; } = OperationStatus.NotStarted;

    /// <summary>
    /// Set only for "main", which runs alone until it starts a thread, so a decision before its first visible step
    /// would have one option. Every other operation's first visible step gets a decision of its own: the plain code it
    /// runs before that step (a check of a plain field or collection) is a step, interleaved like any other.
    /// </summary>
    public bool SkipNextPoint { get; set; }

    public PooledThread? Thread { get; set; }

    /// <summary>The operation's vector clock, when data-race detection is on.</summary>
    public Detection.VectorClock? Clock { get; set; }

    public IWaitResource? WaitingOn { get; private set; }

    public string? WaitAction { get; private set; }

    public bool TimedWait { get; private set; }

    private Func<bool>? _canProceed;

    /// <summary>Visible steps this operation has taken (lets monitors tell a waiter that competed from one never run).</summary>
    public int StepsTaken { get; set; }

    /// <summary>Consecutive decisions at which this operation was enabled but not chosen (for the fairness witness).</summary>
    public int SkippedWhileEnabled { get; set; }

    public bool IsEnabled => Status switch
    {
        OperationStatus.NotStarted or OperationStatus.Enabled => true,
        OperationStatus.Blocked => TimedWait || _canProceed!(),
        _ => false,
    };

    /// <summary>True when a blocked operation's wait is satisfied (as opposed to it being enabled only to time out).</summary>
    public bool CanProceed => _canProceed?.Invoke() ?? true;

    public void BlockOn(IWaitResource resource, string action, Func<bool> canProceed, bool timed)
    {
        Status = OperationStatus.Blocked;
        WaitingOn = resource;
        WaitAction = action;
        _canProceed = canProceed;
        TimedWait = timed;
    }

    public void Unblock()
    {
        Status = OperationStatus.Enabled;
        WaitingOn = null;
        WaitAction = null;
        _canProceed = null;
        TimedWait = false;
    }

    public override string ToString() => Name;
}
