namespace Lab.Workloads.Io;

/// <summary>Items that talk to a loopback echo server the workload starts itself, so network waits need no outside service.</summary>
/// <param name="Items">How many items (connections) there are in total.</param>
/// <param name="RequestsPerItem">Round trips per connection.</param>
/// <param name="PayloadBytes">Bytes per request.</param>
/// <param name="ResponseDelayMilliseconds">How long the server waits before answering, the simulated service latency.</param>
public sealed record LoopbackEchoWorkload(int Items, int RequestsPerItem, int PayloadBytes, int ResponseDelayMilliseconds)
    : Workload("io-echo", WorkloadKind.IoBound, "I/O-bound: TCP round trips to a loopback echo server")
{
    /// <inheritdoc />
    public override WorkloadSession Open()
    {
        var server = LoopbackEchoServer.Start(TimeSpan.FromMilliseconds(ResponseDelayMilliseconds));
        WorkItem[] items = Enumerable.Range(0, Items)
            .Select(_ => (WorkItem)new EchoRequestItem(server.Port, RequestsPerItem, PayloadBytes))
            .ToArray();
        return new WorkloadSession(_ => items, server);
    }
}
