namespace Lab.Workloads.Cpu;

/// <summary>Prime counting below a limit in many chunks, so workers that take chunks dynamically stay busy despite uneven chunk costs.</summary>
/// <param name="Limit">Count primes below this number.</param>
/// <param name="Chunks">How many items the range is cut into, whatever the worker count.</param>
public sealed record PrimeCountWorkload(long Limit, int Chunks)
    : Workload("cpu-primes", WorkloadKind.CpuBound, "CPU-bound: counting primes by trial division")
{
    /// <inheritdoc />
    public override WorkloadSession Open() => new(_ => Split());

    /// <summary>The fixed chunks of <c>[0, Limit)</c>.</summary>
    public IReadOnlyList<WorkItem> Split() =>
        EvenSplit.Ranges(Limit, Chunks).Select(range => (WorkItem)new PrimeCountItem(range.Start, range.End)).ToArray();
}
