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

    /// <summary>
    /// Whether an await's continuation runs synchronously inside the completing call, as .NET runs it for a
    /// TaskCompletionSource made without RunContinuationsAsynchronously; otherwise each continuation is a step of its own.
    /// </summary>
    public bool InlinesContinuations { get; init; }

    /// <summary>The continuations waiting to run inline when the task completes, in the order they were registered.</summary>
    private List<ContinuationOperation.Plan>? _inline;

    /// <summary>Notes a suspended await whose continuation the completer will run inline.</summary>
    public void RegisterInline(ContinuationOperation.Plan plan) => (_inline ??= []).Add(plan);

    /// <summary>
    /// Runs the registered continuations inline in <paramref name="completer"/>, which has just completed the task: each
    /// runs on its thread, holding what it holds, before the completing call returns, and nothing else runs in between.
    /// </summary>
    public void RunInlineContinuations(ControlledRuntime runtime, ControlledOperation completer)
    {
        if (_inline is not { Count: > 0 } inline) return;
        _inline = null;
        foreach (ContinuationOperation.Plan plan in inline) plan.RunInline(runtime, completer);
    }

    public IEnumerable<ControlledOperation> Holders => Carrier is { Status: not OperationStatus.Completed } carrier ? [carrier] : [];

    public string DescribeState() => Task.IsCompleted ? "done" : "to complete";
}
