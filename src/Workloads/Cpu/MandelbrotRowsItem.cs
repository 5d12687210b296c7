using Lab.Workloads.Gil;

namespace Lab.Workloads.Cpu;

/// <summary>A block of consecutive rows of the Mandelbrot strip; the result is their total escape iterations.</summary>
/// <param name="View">The strip the rows belong to.</param>
/// <param name="FirstRow">The first row of the block.</param>
/// <param name="RowCount">How many rows the block has.</param>
public sealed record MandelbrotRowsItem(MandelbrotView View, int FirstRow, int RowCount) : WorkItem
{
    /// <inheritdoc />
    public override double Run(IInterpreterLock interpreterLock) =>
        MandelbrotStrip.IterateRows(View, FirstRow, RowCount, interpreterLock);
}
