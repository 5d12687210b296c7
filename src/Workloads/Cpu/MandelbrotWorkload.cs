namespace Lab.Workloads.Cpu;

/// <summary>The Mandelbrot strip cut either statically (one block per worker) or dynamically (many small blocks), to show load imbalance.</summary>
/// <param name="View">The strip to compute.</param>
/// <param name="Partitioning">How rows are cut into items.</param>
/// <param name="RowsPerDynamicItem">Rows per item when partitioning dynamically.</param>
public sealed record MandelbrotWorkload(MandelbrotView View, Partitioning Partitioning, int RowsPerDynamicItem)
    : Workload(
        Partitioning == Partitioning.Static ? "cpu-mandelbrot-static" : "cpu-mandelbrot-dynamic",
        WorkloadKind.CpuBound,
        Partitioning == Partitioning.Static
            ? "CPU-bound: Mandelbrot strip, one block of rows per worker"
            : "CPU-bound: Mandelbrot strip, small blocks taken on demand")
{
    /// <inheritdoc />
    public override WorkloadSession Open() => new(Split);

    /// <summary>The row blocks for <paramref name="workers"/> workers under this workload's partitioning.</summary>
    public IReadOnlyList<WorkItem> Split(int workers)
    {
        int blocks = Partitioning == Partitioning.Static
            ? workers
            : (View.Height + RowsPerDynamicItem - 1) / RowsPerDynamicItem;
        return EvenSplit.Ranges(View.Height, blocks)
            .Where(range => range.End > range.Start)
            .Select(range => (WorkItem)new MandelbrotRowsItem(View, (int)range.Start, (int)(range.End - range.Start)))
            .ToArray();
    }
}
