using Lab.Workloads.Executors;

namespace Lab.Workloads.Bench;

/// <summary>One cell of the bench matrix: a workload on an executor with a worker count.</summary>
/// <param name="Workload">What to run.</param>
/// <param name="Executor">How to run it.</param>
/// <param name="Workers">With how many workers.</param>
public sealed record BenchCell(Workload Workload, IExecutor Executor, int Workers)
{
    /// <summary>A short label for progress displays.</summary>
    public string Label => $"{Workload.Name} / {Executor.Name} / {Workers} worker{(Workers == 1 ? "" : "s")}";
}
