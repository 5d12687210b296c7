using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// What a real <see cref="Thread"/> object stands for inside an exploration: a controlled operation, started by
/// <see cref="ThreadStandIn.Start(Thread, string, int)"/>. The real thread is never started.
/// </summary>
internal sealed class ThreadModel : OperationCompletion
{
    private readonly Delegate? _start;

    /// <summary>
    /// A thread created by rewritten code and not started yet (<paramref name="operation"/> null), or the thread object
    /// <c>Thread.CurrentThread</c> shows for an operation that was not started as a Thread (main, a task).
    /// </summary>
    public ThreadModel(Thread real, Delegate? start, ControlledOperation? operation = null) : base(operation)
    {
        Real = real;
        _start = start;
    }

    public Thread Real { get; }

    public bool IsAlive => Operation is { Status: not OperationStatus.Completed };

    public override string Name => Operation?.Name ?? Real.Name ?? "unstarted thread";

    /// <summary>Creates the operation, named after Thread.Name or the method it runs; not a scheduling point.</summary>
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
        Operation = Start(runtime, parent, body, Real.Name ?? OperationNames.Of(_start), file, line);
        runtime.ObjectModels[Operation] = this;
    }
}
