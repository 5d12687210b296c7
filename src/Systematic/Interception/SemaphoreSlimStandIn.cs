using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="SemaphoreSlim"/>. A semaphore created inside an exploration is a real (unused) object
/// mapped to a controlled <see cref="Controlled.SemaphoreSlim"/> for the iteration; one created outside and used
/// inside is reported as uncontrolled concurrency. Outside an exploration every member is the real one.
/// </summary>
[InterceptsType("System.Threading.SemaphoreSlim")]
public static class SemaphoreSlimStandIn
{
    private const string DefaultName = "SemaphoreSlim";

    /// <summary>Creates a semaphore with <paramref name="initialCount"/> permits.</summary>
    public static SemaphoreSlim New(int initialCount, string callerFile, int callerLine, string? resourceName) =>
        New(initialCount, int.MaxValue, callerFile, callerLine, resourceName);

    /// <summary>Creates a semaphore with <paramref name="initialCount"/> permits and at most <paramref name="maxCount"/>.</summary>
    public static SemaphoreSlim New(int initialCount, int maxCount, string callerFile, int callerLine, string? resourceName)
    {
        var real = new SemaphoreSlim(initialCount, maxCount);
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, real, new Controlled.SemaphoreSlim(initialCount, maxCount, resourceName ?? DefaultName));
        return real;
    }

    /// <summary>Takes a permit, blocking while there is none.</summary>
    public static void Wait(SemaphoreSlim semaphore, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.Wait") is not { } model)
        {
            semaphore.Wait();
            return;
        }
        model.Wait(callerFile, callerLine);
    }

    /// <summary>Takes a permit within the timeout; false if it timed out (a choice under exploration, advancing virtual time).</summary>
    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.Wait") is not { } model) return semaphore.Wait(millisecondsTimeout);
        bool taken = model.Wait(millisecondsTimeout, callerFile, callerLine);
        if (!taken) VirtualTime.Advance(millisecondsTimeout);
        return taken;
    }

    /// <summary>Takes a permit within the timeout; false if it timed out.</summary>
    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.Wait") is null) return semaphore.Wait(timeout);
        return Wait(semaphore, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);
    }

    /// <summary>Takes a permit, honouring a token that is already cancelled (a token cancelled later is not modelled).</summary>
    public static void Wait(SemaphoreSlim semaphore, CancellationToken cancellationToken, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.Wait") is not { } model)
        {
            semaphore.Wait(cancellationToken);
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        model.Wait(callerFile, callerLine);
    }

    /// <summary>Returns one permit; SemaphoreFullException past the maximum. Returns the previous count.</summary>
    public static int Release(SemaphoreSlim semaphore, string callerFile, int callerLine) =>
        ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.Release") is { } model ? model.Release(callerFile, callerLine) : semaphore.Release();

    /// <summary>Returns <paramref name="releaseCount"/> permits. Returns the previous count.</summary>
    public static int Release(SemaphoreSlim semaphore, int releaseCount, string callerFile, int callerLine) =>
        ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.Release") is { } model
            ? model.Release(releaseCount, callerFile, callerLine)
            : semaphore.Release(releaseCount);

    /// <summary>The permits available now (not a scheduling point).</summary>
    public static int get_CurrentCount(SemaphoreSlim semaphore, string callerFile, int callerLine) =>
        ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.CurrentCount") is { } model ? model.CurrentCount : semaphore.CurrentCount;

    /// <summary>
    /// Takes a permit asynchronously. Inside an exploration a free permit is taken at once (a completed task); otherwise a
    /// waiter operation blocks on the semaphore and completes the task when it gets one, so the awaiting continuation
    /// resumes only after that, in an order the strategy chooses.
    /// </summary>
    public static Task WaitAsync(SemaphoreSlim semaphore, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.WaitAsync") is not { } model) return semaphore.WaitAsync();
        return WaitAsync(model, Timeout.Infinite, callerFile, callerLine);
    }

    /// <summary>Takes a permit asynchronously within the timeout; the task's result is false if it timed out (a choice under exploration).</summary>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.WaitAsync") is not { } model) return semaphore.WaitAsync(millisecondsTimeout);
        return WaitAsync(model, ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine);
    }

    /// <summary>Like <see cref="WaitAsync(SemaphoreSlim, int, string, int)"/>.</summary>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<Controlled.SemaphoreSlim>(semaphore, "SemaphoreSlim.WaitAsync") is not { } model) return semaphore.WaitAsync(timeout);
        return WaitAsync(model, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);
    }

    private static Task<bool> WaitAsync(Controlled.SemaphoreSlim model, int millisecondsTimeout, string file, int line)
    {
        if (model.Wait(0, file, line)) return Task.FromResult(true);
        if (millisecondsTimeout == 0) return Task.FromResult(false);
        return TaskModel.Run("SemaphoreSlim.WaitAsync", () =>
        {
            bool taken = model.Wait(millisecondsTimeout, file, line);
            if (!taken) VirtualTime.Advance(millisecondsTimeout);
            return taken;
        }, file, line);
    }
}
