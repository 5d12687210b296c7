using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="Semaphore"/> (unnamed): inside an exploration a controlled counting semaphore.</summary>
[InterceptsType("System.Threading.Semaphore")]
public static class SemaphoreStandIn
{
    /// <summary>Creates an unnamed semaphore.</summary>
    public static Semaphore New(int initialCount, int maximumCount, string callerFile, int callerLine, string? resourceName) =>
        WaitHandleModels.Track(new Semaphore(initialCount, maximumCount), () => new Controlled.SemaphoreSlim(initialCount, maximumCount, resourceName ?? "Semaphore"));

    /// <summary>Returns one permit; SemaphoreFullException past the maximum. Returns the previous count.</summary>
    public static int Release(Semaphore semaphore, string callerFile, int callerLine) => Release(semaphore, 1, callerFile, callerLine);

    /// <summary>Returns <paramref name="releaseCount"/> permits. Returns the previous count.</summary>
    public static int Release(Semaphore semaphore, int releaseCount, string callerFile, int callerLine) =>
        WaitHandleModels.Of(semaphore, "Semaphore.Release") is Controlled.SemaphoreSlim model
            ? model.Release(releaseCount, callerFile, callerLine)
            : semaphore.Release(releaseCount);
}
