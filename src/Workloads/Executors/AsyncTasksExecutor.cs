using Lab.Workloads.Measurement;

namespace Lab.Workloads.Executors;

/// <summary>
/// N asynchronous loops that await each item's I/O instead of blocking a thread: the analogue of asyncio, where a handful
/// of threads serve any number of waits. Only meaningful for I/O-bound work.
/// </summary>
public sealed class AsyncTasksExecutor : IExecutor
{
    /// <summary>The executor's name in results.</summary>
    public const string ExecutorName = "async";

    /// <inheritdoc />
    public string Name => ExecutorName;

    /// <inheritdoc />
    public bool Supports(WorkloadKind kind) => kind == WorkloadKind.IoBound;

    /// <inheritdoc />
    public ExecutionReport Run(IReadOnlyList<WorkItem> items, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var results = new double[items.Count];
        var queue = new WorkQueue(items.Count);
        var clock = CpuStopwatch.StartNew();
        Task[] loops = Enumerable.Range(0, workers).Select(_ => Task.Run(() => DrainAsync(items, queue, results))).ToArray();
        Task.WhenAll(loops).GetAwaiter().GetResult();
        return new ExecutionReport(results, clock.Stop());
    }

    private static async Task DrainAsync(IReadOnlyList<WorkItem> items, WorkQueue queue, double[] results)
    {
        while (queue.TryTake(out int k))
        {
            results[k] = await items[k].RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
