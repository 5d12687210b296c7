using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="ReaderWriterLockSlim"/>: inside an exploration a controlled reader-writer lock for the
/// iteration, without recursion (a recursive entry throws LockRecursionException, as NoRecursion does) and without
/// upgradeable mode, which is reported as uncontrolled rather than run for real.
/// </summary>
[InterceptsType("System.Threading.ReaderWriterLockSlim")]
public static class ReaderWriterLockSlimStandIn
{
    /// <summary>Creates the lock.</summary>
    public static ReaderWriterLockSlim New(string callerFile, int callerLine, string? resourceName) =>
        New(LockRecursionPolicy.NoRecursion, callerFile, callerLine, resourceName);

    /// <summary>Creates the lock; inside an exploration recursion is not modelled whatever the policy.</summary>
    public static ReaderWriterLockSlim New(LockRecursionPolicy recursionPolicy, string callerFile, int callerLine, string? resourceName)
    {
        var real = new ReaderWriterLockSlim(recursionPolicy);
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, real, new Controlled.ReaderWriterLockSlim(resourceName ?? "ReaderWriterLockSlim"));
        return real;
    }

    /// <summary>Enters in read mode, blocking while a writer holds or waits for the lock.</summary>
    public static void EnterReadLock(ReaderWriterLockSlim rw, string callerFile, int callerLine)
    {
        if (ModelOf(rw, "ReaderWriterLockSlim.EnterReadLock") is { } model) model.EnterReadLock(callerFile, callerLine);
        else rw.EnterReadLock();
    }

    /// <summary>Enters in read mode within the timeout; under exploration timing out is a choice.</summary>
    public static bool TryEnterReadLock(ReaderWriterLockSlim rw, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ModelOf(rw, "ReaderWriterLockSlim.TryEnterReadLock") is not { } model) return rw.TryEnterReadLock(millisecondsTimeout);
        return TimedOut(model.TryEnterReadLock(millisecondsTimeout, callerFile, callerLine), millisecondsTimeout);
    }

    /// <summary>Enters in read mode within the timeout.</summary>
    public static bool TryEnterReadLock(ReaderWriterLockSlim rw, TimeSpan timeout, string callerFile, int callerLine) =>
        ModelOf(rw, "ReaderWriterLockSlim.TryEnterReadLock") is null
            ? rw.TryEnterReadLock(timeout)
            : TryEnterReadLock(rw, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);

    /// <summary>Enters in write mode, blocking while anyone holds the lock.</summary>
    public static void EnterWriteLock(ReaderWriterLockSlim rw, string callerFile, int callerLine)
    {
        if (ModelOf(rw, "ReaderWriterLockSlim.EnterWriteLock") is { } model) model.EnterWriteLock(callerFile, callerLine);
        else rw.EnterWriteLock();
    }

    /// <summary>Enters in write mode within the timeout; under exploration timing out is a choice.</summary>
    public static bool TryEnterWriteLock(ReaderWriterLockSlim rw, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ModelOf(rw, "ReaderWriterLockSlim.TryEnterWriteLock") is not { } model) return rw.TryEnterWriteLock(millisecondsTimeout);
        return TimedOut(model.TryEnterWriteLock(millisecondsTimeout, callerFile, callerLine), millisecondsTimeout);
    }

    /// <summary>Enters in write mode within the timeout.</summary>
    public static bool TryEnterWriteLock(ReaderWriterLockSlim rw, TimeSpan timeout, string callerFile, int callerLine) =>
        ModelOf(rw, "ReaderWriterLockSlim.TryEnterWriteLock") is null
            ? rw.TryEnterWriteLock(timeout)
            : TryEnterWriteLock(rw, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);

    /// <summary>Leaves read mode.</summary>
    public static void ExitReadLock(ReaderWriterLockSlim rw, string callerFile, int callerLine)
    {
        if (ModelOf(rw, "ReaderWriterLockSlim.ExitReadLock") is { } model) model.ExitReadLock(callerFile, callerLine);
        else rw.ExitReadLock();
    }

    /// <summary>Leaves write mode.</summary>
    public static void ExitWriteLock(ReaderWriterLockSlim rw, string callerFile, int callerLine)
    {
        if (ModelOf(rw, "ReaderWriterLockSlim.ExitWriteLock") is { } model) model.ExitWriteLock(callerFile, callerLine);
        else rw.ExitWriteLock();
    }

    /// <summary>Upgradeable mode is not modelled: inside an exploration it is reported instead of run uncontrolled.</summary>
    public static void EnterUpgradeableReadLock(ReaderWriterLockSlim rw, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is { } operation)
        {
            string location = SourceLocation.Format(callerFile, callerLine);
            throw operation.Runtime.Fail(new BugReport(BugKind.UncontrolledConcurrency,
                $"ReaderWriterLockSlim.EnterUpgradeableReadLock at {location} is not modelled yet: use EnterWriteLock", operation.Name, location));
        }
        rw.EnterUpgradeableReadLock();
    }

    /// <summary>Whether the caller holds the read lock.</summary>
    public static bool get_IsReadLockHeld(ReaderWriterLockSlim rw, string callerFile, int callerLine) =>
        ModelOf(rw, "ReaderWriterLockSlim.IsReadLockHeld") is { } model ? model.IsReadLockHeld : rw.IsReadLockHeld;

    /// <summary>Whether the caller holds the write lock.</summary>
    public static bool get_IsWriteLockHeld(ReaderWriterLockSlim rw, string callerFile, int callerLine) =>
        ModelOf(rw, "ReaderWriterLockSlim.IsWriteLockHeld") is { } model ? model.IsWriteLockHeld : rw.IsWriteLockHeld;

    /// <summary>How many threads hold the read lock.</summary>
    public static int get_CurrentReadCount(ReaderWriterLockSlim rw, string callerFile, int callerLine) =>
        ModelOf(rw, "ReaderWriterLockSlim.CurrentReadCount") is { } model ? model.CurrentReadCount : rw.CurrentReadCount;

    private static bool TimedOut(bool entered, int millisecondsTimeout)
    {
        if (!entered) VirtualTime.Advance(millisecondsTimeout);
        return entered;
    }

    private static Controlled.ReaderWriterLockSlim? ModelOf(ReaderWriterLockSlim rw, string primitive) =>
        ObjectModels.Of<Controlled.ReaderWriterLockSlim>(rw, primitive);
}
