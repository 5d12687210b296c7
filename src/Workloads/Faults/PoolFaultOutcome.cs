namespace Lab.Workloads.Faults;

/// <summary>What a process pool made of a batch containing a faulting item: which items still succeeded and how it recovered.</summary>
/// <param name="HealthyItemsSubmitted">Healthy items sent alongside the faulting one.</param>
/// <param name="HealthyItemsCompleted">Healthy items that returned the right result.</param>
/// <param name="FaultingItemError">What the faulting item's task failed with.</param>
/// <param name="WorkersReplaced">Workers the pool had to replace during the batch.</param>
/// <param name="PoolServedAfterwards">Whether the pool still ran a fresh item after the batch.</param>
public sealed record PoolFaultOutcome(
    int HealthyItemsSubmitted,
    int HealthyItemsCompleted,
    Exception? FaultingItemError,
    int WorkersReplaced,
    bool PoolServedAfterwards);
