using Lab.Workloads.Gil;
using Lab.Workloads.Measurement;

namespace Lab.Workloads.Executors;

/// <summary>The baseline: every item in order on the calling thread, whatever the worker count.</summary>
public sealed class SequentialExecutor : IExecutor
{
    /// <summary>The executor's name in results.</summary>
    public const string ExecutorName = "sequential";

    /// <inheritdoc />
    public string Name => ExecutorName;

    /// <inheritdoc />
    public bool Supports(WorkloadKind kind) => true;

    /// <inheritdoc />
    public ExecutionReport Run(IReadOnlyList<WorkItem> items, int workers)
    {
        var results = new double[items.Count];
        var clock = CpuStopwatch.StartNew();
        for (int k = 0; k < items.Count; k++)
        {
            results[k] = items[k].Run(NoInterpreterLock.Instance);
        }

        return new ExecutionReport(results, clock.Stop());
    }
}
