namespace Lab.Workloads;

/// <summary>What a workload spends its time on, which decides which executors can help it.</summary>
public enum WorkloadKind
{
    /// <summary>Spends its time computing: only more cores help.</summary>
    CpuBound,

    /// <summary>Spends its time waiting: more concurrent waiters help, even on one core.</summary>
    IoBound,
}
