namespace Lab.Workloads.Processes;

/// <summary>An item waiting in, or travelling through, the pool together with the promise of its result and its crash history.</summary>
internal sealed class PendingItem
{
    private readonly TaskCompletionSource<PoolItemResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingItem(WorkItem item) => Item = item;

    public WorkItem Item { get; }

    public List<WorkerExit> Crashes { get; } = [];

    public Task<PoolItemResult> Completion => _completion.Task;

    public void Succeed(PoolItemResult result) => _completion.TrySetResult(result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
