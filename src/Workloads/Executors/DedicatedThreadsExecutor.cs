using Lab.Workloads.Gil;
using Lab.Workloads.Measurement;

namespace Lab.Workloads.Executors;

/// <summary>
/// N new threads that take items from a shared queue: the direct analogue of Python's <c>threading.Thread</c> workers.
/// Exceptions are deliberately not caught: as on any .NET thread, an unhandled exception terminates the whole process.
/// </summary>
public sealed class DedicatedThreadsExecutor : IExecutor
{
    /// <summary>The executor's name in results.</summary>
    public const string ExecutorName = "threads";

    /// <inheritdoc />
    public string Name => ExecutorName;

    /// <inheritdoc />
    public bool Supports(WorkloadKind kind) => true;

    /// <inheritdoc />
    public ExecutionReport Run(IReadOnlyList<WorkItem> items, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var results = new double[items.Count];
        var queue = new WorkQueue(items.Count);
        var clock = CpuStopwatch.StartNew();
        Thread[] threads = Enumerable.Range(0, workers)
            .Select(worker => new Thread(() =>
            {
                while (queue.TryTake(out int k))
                {
                    results[k] = items[k].Run(NoInterpreterLock.Instance);
                }
            })
            { IsBackground = true, Name = $"worker-thread-{worker}" })
            .ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return new ExecutionReport(results, clock.Stop());
    }
}
