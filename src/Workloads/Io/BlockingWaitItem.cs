using Lab.Workloads.Gil;

namespace Lab.Workloads.Io;

/// <summary>Pure latency: waits a fixed time without computing, the model of a slow disk or remote service.</summary>
/// <param name="LatencyMilliseconds">How long the wait lasts.</param>
public sealed record BlockingWaitItem(int LatencyMilliseconds) : WorkItem
{
    /// <inheritdoc />
    public override double Run(IInterpreterLock interpreterLock)
    {
        using (BlockingRegion.Enter(interpreterLock))
        {
            Thread.Sleep(LatencyMilliseconds);
        }

        return LatencyMilliseconds;
    }

    /// <inheritdoc />
    public override async ValueTask<double> RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(LatencyMilliseconds, cancellationToken).ConfigureAwait(false);
        return LatencyMilliseconds;
    }
}
