using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// A task that controlled code completes by a call (an async method's builder, a TaskCompletionSource, a combinator or
/// a timer of the iteration), as something to await: completing it releases into <see cref="Completion"/>, so whoever
/// resumes after it sees what the completer did; the operation that will complete it "holds" it for deadlock reports.
/// </summary>
internal sealed class AwaitedTask(Task task, string name) : IWaitResource
{
    public Task Task { get; } = task;

    public string Name { get; } = name;

    /// <summary>What the completer released (race detection): acquired by every await and wait that sees the task done.</summary>
    public VectorClock Completion { get; } = new();

    /// <summary>The operation that runs the code which will complete the task (an async method's pending continuation), if known.</summary>
    public ControlledOperation? Carrier { get; set; }

    public IEnumerable<ControlledOperation> Holders => Carrier is { Status: not OperationStatus.Completed } carrier ? [carrier] : [];

    public string DescribeState() => Task.IsCompleted ? "done" : "to complete";
}
