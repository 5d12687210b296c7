namespace Lab.Workloads.Cpu;

/// <summary>How work is divided among workers, the lever against load imbalance.</summary>
public enum Partitioning
{
    /// <summary>One contiguous block per worker, decided up front: cheap, but the slowest block sets the pace.</summary>
    Static,

    /// <summary>Many small blocks taken by whichever worker is free: a little overhead, but no worker idles while others toil.</summary>
    Dynamic,
}
