using Lab.Workloads.Gil;

namespace Lab.Workloads.Overheads;

/// <summary>An item that does nothing, so timing it measures only the cost of handing work to a worker and getting the answer back.</summary>
public sealed record NoOpItem : WorkItem
{
    /// <inheritdoc />
    public override double Run(IInterpreterLock interpreterLock) => 0;
}
