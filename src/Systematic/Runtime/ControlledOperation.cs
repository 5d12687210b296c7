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
    /// Set when the operation is first scheduled: the decision that started it already chose its first visible step,
    /// so asking again at that step would only duplicate schedules.
    /// </summary>
    public bool SkipNextPoint { get; set; } = true;

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
