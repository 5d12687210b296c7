using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

// A Lock is passed as an object only as an identity key for its model; nothing here takes its monitor.
#pragma warning disable CS9216

/// <summary>
/// Stands in for <see cref="System.Threading.Lock"/> (C# 13's <c>lock</c> on a Lock compiles to EnterScope and
/// Scope.Dispose). Inside an exploration the Lock gets the same per-iteration controlled model as a monitor, keyed by
/// identity. EnterScope returns an empty Scope (its fields are private), and Scope.Dispose exits the lock the calling
/// operation entered last by EnterScope: <c>lock</c> and <c>using</c> blocks nest, so scopes close in reverse order.
/// </summary>
[InterceptsType("System.Threading.Lock")]
public static class LockStandIn
{
    private static readonly object s_scopesKey = new();

    /// <summary>Acquires the lock, blocking while another thread holds it.</summary>
    public static void Enter(System.Threading.Lock lockObject, string callerFile, int callerLine, string? resourceName)
    {
        if (MonitorStandIn.ModelOf(lockObject, resourceName) is { } model) model.Enter(callerFile, callerLine);
        else lockObject.Enter();
    }

    /// <summary>Acquires the lock if it is free now.</summary>
    public static bool TryEnter(System.Threading.Lock lockObject, string callerFile, int callerLine, string? resourceName) =>
        MonitorStandIn.ModelOf(lockObject, resourceName) is { } model ? model.TryEnter(callerFile, callerLine) : lockObject.TryEnter();

    /// <summary>Acquires the lock within the timeout; under exploration timing out is a choice.</summary>
    public static bool TryEnter(System.Threading.Lock lockObject, int millisecondsTimeout, string callerFile, int callerLine, string? resourceName)
    {
        if (MonitorStandIn.ModelOf(lockObject, resourceName) is not { } model) return lockObject.TryEnter(millisecondsTimeout);
        bool entered = model.TryEnter(millisecondsTimeout, callerFile, callerLine);
        if (!entered) VirtualTime.Advance(millisecondsTimeout);
        return entered;
    }

    /// <summary>Acquires the lock within the timeout.</summary>
    public static bool TryEnter(System.Threading.Lock lockObject, TimeSpan timeout, string callerFile, int callerLine, string? resourceName) =>
        ControlledRuntime.CurrentOperation is null
            ? lockObject.TryEnter(timeout)
            : TryEnter(lockObject, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine, resourceName);

    /// <summary>Releases the lock; SynchronizationLockException if the caller does not hold it.</summary>
    public static void Exit(System.Threading.Lock lockObject, string callerFile, int callerLine, string? resourceName)
    {
        if (MonitorStandIn.ModelOf(lockObject, resourceName) is { } model) model.Exit(callerFile, callerLine);
        else lockObject.Exit();
    }

    /// <summary>Whether the calling thread holds the lock.</summary>
    public static bool get_IsHeldByCurrentThread(System.Threading.Lock lockObject, string callerFile, int callerLine) =>
        ControlledRuntime.CurrentOperation is null ? lockObject.IsHeldByCurrentThread : MonitorStandIn.ModelOf(lockObject, null)!.IsHeldByCurrentThread;

    /// <summary>Acquires the lock for a <c>lock</c> or <c>using</c> block.</summary>
    public static System.Threading.Lock.Scope EnterScope(System.Threading.Lock lockObject, string callerFile, int callerLine, string? resourceName)
    {
        if (MonitorStandIn.ModelOf(lockObject, resourceName) is not { } model) return lockObject.EnterScope();
        model.Enter(callerFile, callerLine);
        ControlledOperation operation = ControlledRuntime.CurrentOperation!;
        ScopesOf(operation.Runtime).Add((operation, model));
        return default;
    }

    /// <summary>Exits the lock of the calling operation's innermost open scope (outside an exploration, the real Dispose).</summary>
    public static void Dispose(ref System.Threading.Lock.Scope scope, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation)
        {
            scope.Dispose();
            return;
        }
        List<(ControlledOperation Operation, Controlled.Lock Lock)> scopes = ScopesOf(operation.Runtime);
        int innermost = scopes.FindLastIndex(entry => entry.Operation == operation);
        if (innermost < 0) throw new SynchronizationLockException("The scope's lock is not held by this thread.");
        Controlled.Lock model = scopes[innermost].Lock;
        scopes.RemoveAt(innermost);
        model.Exit(callerFile, callerLine);
    }

    private static List<(ControlledOperation, Controlled.Lock)> ScopesOf(ControlledRuntime runtime)
    {
        Dictionary<object, object> models = runtime.ObjectModels;
        if (models.TryGetValue(s_scopesKey, out object? scopes)) return (List<(ControlledOperation, Controlled.Lock)>)scopes;
        var created = new List<(ControlledOperation, Controlled.Lock)>();
        models[s_scopesKey] = created;
        return created;
    }
}

/// <summary>Stands in for <see cref="System.Threading.Lock.Scope"/>.Dispose, the end of a <c>lock</c> block on a Lock.</summary>
[InterceptsType("System.Threading.Lock/Scope")]
public static class LockScopeStandIn
{
    /// <summary>Exits the lock the scope was entered with.</summary>
    public static void Dispose(ref System.Threading.Lock.Scope scope, string callerFile, int callerLine) =>
        LockStandIn.Dispose(ref scope, callerFile, callerLine);
}
