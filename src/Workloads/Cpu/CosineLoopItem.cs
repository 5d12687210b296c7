using Lab.Workloads.Gil;

namespace Lab.Workloads.Cpu;

/// <summary>A share of the cosine loop, sized by its iteration count.</summary>
/// <param name="Iterations">How many loop iterations this item runs.</param>
public sealed record CosineLoopItem(long Iterations) : WorkItem
{
    /// <inheritdoc />
    public override double Run(IInterpreterLock interpreterLock) => CosineLoop.Compute(Iterations, interpreterLock);
}
