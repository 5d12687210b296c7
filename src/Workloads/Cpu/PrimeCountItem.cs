using Lab.Workloads.Gil;

namespace Lab.Workloads.Cpu;

/// <summary>Counts the primes of one range; the result is the count.</summary>
/// <param name="From">First candidate, inclusive.</param>
/// <param name="To">Last candidate, exclusive.</param>
public sealed record PrimeCountItem(long From, long To) : WorkItem
{
    /// <inheritdoc />
    public override double Run(IInterpreterLock interpreterLock) => PrimeCounter.Count(From, To, interpreterLock);
}
