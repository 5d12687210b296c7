using Lab.Workloads.Gil;
using Lab.Workloads.Measurement;

namespace Lab.Workloads.Executors;

/// <summary>
/// <c>Parallel.For</c> on the shared thread pool, capped at N concurrent workers: the idiomatic .NET way to parallelise CPU work.
/// Blocking items make the pool inject threads slowly, which the I/O workloads expose.
/// </summary>
public sealed class ThreadPoolExecutor : IExecutor
{
    /// <summary>The executor's name in results.</summary>
    public const string ExecutorName = "thread-pool";

    /// <inheritdoc />
    public string Name => ExecutorName;

    /// <inheritdoc />
    public bool Supports(WorkloadKind kind) => true;

    /// <inheritdoc />
    public ExecutionReport Run(IReadOnlyList<WorkItem> items, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var results = new double[items.Count];
        var clock = CpuStopwatch.StartNew();
        Parallel.For(
            0,
            items.Count,
            new ParallelOptions { MaxDegreeOfParallelism = workers },
            k => results[k] = items[k].Run(NoInterpreterLock.Instance));
        return new ExecutionReport(results, clock.Stop());
    }
}
