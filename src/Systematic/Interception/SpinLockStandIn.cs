using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="SpinLock"/>, a struct whose members take their receiver by reference. There is no
/// identity to key a model by (the address of a struct in a heap object moves with the GC, and copies are separate
/// locks), so the state is the struct's own: inside an exploration every attempt is a scheduling point followed by
/// one real, non-blocking TryEnter, which is atomic because only the operation holding the baton runs. A contended
/// attempt does not spin: it blocks until some spin lock of the iteration is exited, then tries again, so the space
/// of schedules stays finite and a lock never released shows as a deadlock. Acquire and release are synchronising
/// atomic accesses for the race detector. Like the real struct, a SpinLock in a static field left held by one
/// iteration stays held in the next.
/// </summary>
[InterceptsType("System.Threading.SpinLock")]
public static class SpinLockStandIn
{
    /// <summary>Acquires the lock, waiting (as a controlled wait) while another thread holds it.</summary>
    public static void Enter(ref SpinLock spinLock, ref bool lockTaken, string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.CurrentOperation is null)
        {
            spinLock.Enter(ref lockTaken);
            return;
        }
        RequireNotTaken(lockTaken);
        Acquire(ref spinLock, Timeout.Infinite, ref lockTaken, "SpinLock.Enter", callerFile, callerLine, resourceName);
    }

    /// <summary>Acquires the lock only if it is free now.</summary>
    public static void TryEnter(ref SpinLock spinLock, ref bool lockTaken, string callerFile, int callerLine, string? resourceName) =>
        TryEnter(ref spinLock, 0, ref lockTaken, callerFile, callerLine, resourceName);

    /// <summary>Acquires the lock within the timeout; under exploration, whether a contended attempt times out is a choice.</summary>
    public static void TryEnter(ref SpinLock spinLock, int millisecondsTimeout, ref bool lockTaken, string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.CurrentOperation is null)
        {
            spinLock.TryEnter(millisecondsTimeout, ref lockTaken);
            return;
        }
        RequireNotTaken(lockTaken);
        Acquire(ref spinLock, ControlledRuntime.CheckTimeout(millisecondsTimeout), ref lockTaken, "SpinLock.TryEnter", callerFile, callerLine, resourceName);
    }

    /// <summary>Acquires the lock within the timeout.</summary>
    public static void TryEnter(ref SpinLock spinLock, TimeSpan timeout, ref bool lockTaken, string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.CurrentOperation is null)
        {
            spinLock.TryEnter(timeout, ref lockTaken);
            return;
        }
        TryEnter(ref spinLock, ControlledRuntime.ToMilliseconds(timeout), ref lockTaken, callerFile, callerLine, resourceName);
    }

    /// <summary>Releases the lock; SynchronizationLockException if the caller does not hold it (with owner tracking).</summary>
    public static void Exit(ref SpinLock spinLock, string callerFile, int callerLine, string? resourceName) =>
        Exit(ref spinLock, useMemoryBarrier: true, callerFile, callerLine, resourceName);

    /// <summary>Releases the lock (the barrier flag has no meaning inside an exploration, which is sequentially consistent).</summary>
    public static void Exit(ref SpinLock spinLock, bool useMemoryBarrier, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            spinLock.Exit(useMemoryBarrier);
            return;
        }
        spinLock.Exit(useMemoryBarrier);
        SpinLockExits.Of(operation.Runtime).Generation++;
        AtomicStep.End(operation, "SpinLock.Exit", resourceName, callerFile, callerLine);
    }

    /// <summary>Whether any thread holds the lock (not a scheduling point).</summary>
    public static bool get_IsHeld(ref SpinLock spinLock, string callerFile, int callerLine) => spinLock.IsHeld;

    /// <summary>Whether the calling thread holds the lock (each operation runs on its own OS thread, so the real answer is right).</summary>
    public static bool get_IsHeldByCurrentThread(ref SpinLock spinLock, string callerFile, int callerLine) => spinLock.IsHeldByCurrentThread;

    private static void Acquire(ref SpinLock spinLock, int millisecondsTimeout, ref bool lockTaken, string action, string file, int line, string? resourceName)
    {
        ControlledOperation operation = AtomicStep.Begin()!;
        ControlledRuntime runtime = operation.Runtime;
        SpinLockExits exits = SpinLockExits.Of(runtime);
        while (true)
        {
            spinLock.TryEnter(ref lockTaken);
            if (lockTaken || millisecondsTimeout == 0) break;
            runtime.Record(operation, action + " blocks", resourceName, file, line);
            int seen = exits.Generation;
            if (!runtime.Block(operation, exits, action, () => exits.Generation != seen, timed: millisecondsTimeout != Timeout.Infinite))
            {
                VirtualTime.Advance(millisecondsTimeout);
                break;
            }
        }
        runtime.Races?.Atomic(operation);
        runtime.Record(operation, lockTaken ? action : action + " failed", resourceName, file, line);
    }

    private static void RequireNotTaken(bool lockTaken)
    {
        if (lockTaken) throw new ArgumentException("The tookLock argument must be set to false before calling this method.", "lockTaken");
    }

    /// <summary>What a contended spin lock waits for: any spin lock of the iteration being exited.</summary>
    private sealed class SpinLockExits : IWaitResource
    {
        private static readonly object s_key = new();

        public int Generation { get; set; }

        public string Name => "a SpinLock.Exit";

        public IEnumerable<ControlledOperation> Holders => [];

        public string DescribeState() => "no thread exits a spin lock";

        public static SpinLockExits Of(ControlledRuntime runtime)
        {
            if (runtime.ObjectModels.TryGetValue(s_key, out object? exits)) return (SpinLockExits)exits;
            var created = new SpinLockExits();
            runtime.ObjectModels[s_key] = created;
            return created;
        }
    }
}
