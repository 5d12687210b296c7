namespace Lab.Workloads.Io;

/// <summary>A fixed number of equal waits: the cleanest I/O-bound case, where concurrency helps regardless of cores or locks.</summary>
/// <param name="Items">How many waits there are in total.</param>
/// <param name="LatencyMilliseconds">How long each wait lasts.</param>
public sealed record BlockingWaitWorkload(int Items, int LatencyMilliseconds)
    : Workload("io-wait", WorkloadKind.IoBound, "I/O-bound: blocking waits of fixed latency")
{
    /// <inheritdoc />
    public override WorkloadSession Open() => new(_ => Split());

    /// <summary>The waits, independent of the worker count.</summary>
    public IReadOnlyList<WorkItem> Split() =>
        Enumerable.Range(0, Items).Select(_ => (WorkItem)new BlockingWaitItem(LatencyMilliseconds)).ToArray();
}
