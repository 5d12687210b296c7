namespace Lab.Workloads.Cpu;

/// <summary>The cosine loop split into one equal share per worker: perfectly balanced, so it shows the pure cost of parallelism.</summary>
/// <param name="TotalIterations">Iterations summed over all items, the same for every worker count.</param>
public sealed record CosineLoopWorkload(long TotalIterations)
    : Workload("cpu-cosine", WorkloadKind.CpuBound, "CPU-bound: foo += foo * cos(i * pi)")
{
    /// <inheritdoc />
    public override WorkloadSession Open() => new(Split);

    /// <summary>Splits the iterations into <paramref name="workers"/> shares that differ by at most one iteration.</summary>
    public IReadOnlyList<WorkItem> Split(int workers) =>
        EvenSplit.Sizes(TotalIterations, workers).Select(size => (WorkItem)new CosineLoopItem(size)).ToArray();
}
