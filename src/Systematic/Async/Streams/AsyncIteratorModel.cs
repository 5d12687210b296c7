using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async.Streams;

/// <summary>
/// One async iterator object (the state machine of an <c>async IAsyncEnumerable&lt;T&gt;</c> method) in an exploration:
/// which operation will run its producer next, what it released when it last yielded or ended, and the signal its
/// consumer waits on while a MoveNextAsync or DisposeAsync is pending.
/// </summary>
internal sealed class AsyncIteratorModel(string name)
{
    private TaskCompletionSource? _signal;

    /// <summary>"Numbers stream" for the iterator method Numbers.</summary>
    public string Name { get; } = name;

    /// <summary>What the producer did before each yield (race detection); acquired by the consumer that sees the item.</summary>
    public VectorClock Completion { get; } = new();

    /// <summary>The continuation operation that will run the producer's next step, if it is suspended at an await.</summary>
    public ControlledOperation? Carrier { get; set; }

    /// <summary>A task, mapped to an <see cref="AwaitedTask"/>, that completes when the pending MoveNextAsync or DisposeAsync does.</summary>
    public Task SignalFor(ControlledRuntime runtime)
    {
        if (_signal is { Task.IsCompleted: false } pending) return pending.Task;
        _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interception.ObjectModels.Add(runtime, _signal.Task, new AwaitedTask(_signal.Task, Name) { Carrier = Carrier });
        return _signal.Task;
    }

    /// <summary>The producer yielded, ended or threw: the consumer's pending await, if any, may resume and sees what came before.</summary>
    public void Completed(ControlledRuntime runtime, ControlledOperation producer)
    {
        runtime.Races?.Release(producer, Completion);
        if (_signal is not { Task.IsCompleted: false } pending) return;
        Awaits.Completing(pending.Task);
        pending.SetResult();
    }

    /// <summary>The producer suspended at an await; its continuation is who will complete the consumer's pending await.</summary>
    public void Suspended(ControlledRuntime runtime, ControlledOperation? continuation)
    {
        Carrier = continuation;
        if (continuation is not null) Interception.ObjectModels.Add(runtime, continuation, this);
        if (_signal is { Task.IsCompleted: false } pending && Interception.ObjectModels.Find<AwaitedTask>(runtime, pending.Task) is { } awaited)
            awaited.Carrier = continuation;
    }
}
