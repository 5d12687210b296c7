using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// The end of a controlled operation started for rewritten code (a Thread, a Task, a work item), as something to
/// wait for. The operation "holds" it until it finishes, so a join cycle reads as a deadlock naming both sides.
/// </summary>
internal class OperationCompletion : IWaitResource
{
    private readonly Func<bool> _isComplete;

    public OperationCompletion(ControlledOperation? operation = null)
    {
        Operation = operation;
        _isComplete = () => Operation is { Status: OperationStatus.Completed };
    }

    public ControlledOperation? Operation { get; protected set; }

    public bool IsComplete => _isComplete();

    public virtual string Name => Operation?.Name ?? "unstarted operation";

    /// <summary>Creates and records the operation running <paramref name="body"/>; not a scheduling point.</summary>
    public static ControlledOperation Start(ControlledRuntime runtime, ControlledOperation parent, Action body, string? name, string file, int line)
    {
        ControlledOperation operation = runtime.CreateOperation(body, name, parent);
        runtime.Record(parent, "Start", operation.Name, file, line);
        return operation;
    }

    /// <summary>
    /// Blocks the caller until the operation finishes; a finite timeout makes timing out a choice (advancing virtual
    /// time). On success the caller sees everything the operation did (a join edge for the race detector).
    /// </summary>
    public bool Join(ControlledRuntime runtime, string primitive, int millisecondsTimeout, string file, int line)
    {
        ControlledOperation current = runtime.Enter(primitive);
        ControlledOperation target = Operation ?? throw new ThreadStateException("Thread has not been started.");
        runtime.SchedulingPoint(current);
        bool joined = target.Status == OperationStatus.Completed
            || (millisecondsTimeout != 0 && runtime.Block(current, this, "Join", _isComplete, timed: millisecondsTimeout != Timeout.Infinite));
        if (joined) runtime.Races?.OnJoin(current, target);
        else VirtualTime.Advance(millisecondsTimeout);
        runtime.Record(current, joined ? "Join" : "Join timed out", target.Name, file, line);
        return joined;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => Operation is { Status: not OperationStatus.Completed } running ? [running] : [];

    string IWaitResource.DescribeState() => "to finish";
}
