using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// What a real <see cref="Thread"/> object stands for inside an exploration: a controlled operation, started by
/// <see cref="ThreadStandIn.Start(Thread, string, int)"/>. The real thread is never started. Joiners block on the model,
/// which the operation "holds" until it finishes, so a join cycle reads as a deadlock.
/// </summary>
internal sealed class ThreadModel : IWaitResource
{
    private readonly Delegate? _start;
    private readonly Func<bool> _isComplete;

    /// <summary>
    /// A thread created by rewritten code and not started yet (<paramref name="operation"/> null), or the thread object
    /// <c>Thread.CurrentThread</c> shows for an operation that was not started as a Thread (main, a task).
    /// </summary>
    public ThreadModel(Thread real, Delegate? start, ControlledOperation? operation = null)
    {
        Real = real;
        _start = start;
        Operation = operation;
        _isComplete = () => Operation is { Status: OperationStatus.Completed };
    }

    public Thread Real { get; }

    public ControlledOperation? Operation { get; private set; }

    public bool IsAlive => Operation is { Status: not OperationStatus.Completed };

    public string Name => Operation?.Name ?? Real.Name ?? "unstarted thread";

    /// <summary>Creates the operation; not a scheduling point (its first step is chosen by a later decision).</summary>
    public void Start(ControlledRuntime runtime, object? parameter, bool parameterized, string file, int line)
    {
        ControlledOperation parent = runtime.Enter("Thread.Start");
        if (Operation is not null) throw new ThreadStateException("Thread is running or terminated; it cannot restart.");
        Action body = _start switch
        {
            ThreadStart start when !parameterized => () => start(),
            ParameterizedThreadStart start => () => start(parameter),
            _ => throw new InvalidOperationException("The thread was created with a ThreadStart delegate that does not accept a parameter."),
        };
        Operation = runtime.CreateOperation(body, Real.Name ?? OperationNames.Of(_start), parent);
        runtime.ObjectModels[Operation] = this;
        runtime.Record(parent, "Start", Operation.Name, file, line);
    }

    /// <summary>Blocks until the operation finishes; a timed join may time out (a choice, which advances virtual time).</summary>
    public bool Join(ControlledRuntime runtime, int millisecondsTimeout, string file, int line)
    {
        ControlledOperation current = runtime.Enter("Thread.Join");
        ControlledOperation target = Operation ?? throw new ThreadStateException("Thread has not been started.");
        runtime.SchedulingPoint(current);
        bool joined = target.Status == OperationStatus.Completed
            || (millisecondsTimeout != 0 && runtime.Block(current, this, "Join", _isComplete, timed: millisecondsTimeout != Timeout.Infinite));
        if (joined) runtime.Races?.OnJoin(current, target);
        else VirtualTime.Advance(millisecondsTimeout);
        runtime.Record(current, joined ? "Join" : "Join timed out", target.Name, file, line);
        return joined;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => IsAlive ? [Operation!] : [];

    string IWaitResource.DescribeState() => "to finish";
}
