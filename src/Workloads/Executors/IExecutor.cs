namespace Lab.Workloads.Executors;

/// <summary>A way of running a batch of items with N workers, so every workload can be timed on every model of concurrency alike.</summary>
public interface IExecutor
{
    /// <summary>A short stable name used in tables, charts and bench.json.</summary>
    string Name { get; }

    /// <summary>Whether this executor makes sense for the kind of workload (async tasks only help code that waits).</summary>
    bool Supports(WorkloadKind kind);

    /// <summary>Runs every item once with <paramref name="workers"/> workers and reports the results in item order and the cost.</summary>
    ExecutionReport Run(IReadOnlyList<WorkItem> items, int workers);
}
