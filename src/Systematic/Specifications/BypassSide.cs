namespace Lab.Systematic.Specifications;

/// <summary>
/// Which side of a critical section a thread belongs to (readers, writers): given to a <see cref="BoundedBypassMonitor"/>,
/// an entry then bypasses only the waiters of the other sides, so a waiting writer is not starved by other writers.
/// </summary>
public readonly record struct BypassSide(string Name)
{
    /// <summary>The side's name.</summary>
    public override string ToString() => Name;
}
