using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.Monitor"/> (and so for the C# <c>lock</c> statement, which compiles to
/// Enter(object, ref bool) and Exit). Inside an exploration every object used as a monitor gets a controlled
/// <see cref="Controlled.Lock"/> on first use, keyed by the object's identity for this iteration only and named by
/// the field or local it came from (else its type name): a lock left held by one iteration does not leak into the next.
/// </summary>
[InterceptsType("System.Threading.Monitor")]
public static class MonitorStandIn
{
    /// <summary>Acquires the monitor of <paramref name="obj"/>.</summary>
    public static void Enter(object obj, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model)
        {
            Monitor.Enter(obj);
            return;
        }
        model.Enter(callerFile, callerLine);
    }

    /// <summary>Acquires the monitor and sets <paramref name="lockTaken"/>, the form the <c>lock</c> statement uses.</summary>
    public static void Enter(object obj, ref bool lockTaken, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model)
        {
            Monitor.Enter(obj, ref lockTaken);
            return;
        }
        RequireNotTaken(lockTaken);
        model.Enter(callerFile, callerLine);
        lockTaken = true;
    }

    /// <summary>Acquires the monitor if it is free now.</summary>
    public static bool TryEnter(object obj, string callerFile, int callerLine, string? resourceName) =>
        ModelOf(obj, resourceName) is { } model ? model.TryEnter(callerFile, callerLine) : Monitor.TryEnter(obj);

    /// <summary>Acquires the monitor within the timeout; under exploration whether a contended attempt times out is a choice.</summary>
    public static bool TryEnter(object obj, int millisecondsTimeout, string callerFile, int callerLine, string? resourceName) =>
        ModelOf(obj, resourceName) is { } model ? TimedEnter(model, millisecondsTimeout, callerFile, callerLine) : Monitor.TryEnter(obj, millisecondsTimeout);

    /// <summary>Acquires the monitor within the timeout.</summary>
    public static bool TryEnter(object obj, TimeSpan timeout, string callerFile, int callerLine, string? resourceName) =>
        ModelOf(obj, resourceName) is { } model ? TimedEnter(model, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine) : Monitor.TryEnter(obj, timeout);

    /// <summary>Acquires the monitor if it is free now and sets <paramref name="lockTaken"/>.</summary>
    public static void TryEnter(object obj, ref bool lockTaken, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model)
        {
            Monitor.TryEnter(obj, ref lockTaken);
            return;
        }
        RequireNotTaken(lockTaken);
        lockTaken = model.TryEnter(callerFile, callerLine);
    }

    /// <summary>Acquires the monitor within the timeout and sets <paramref name="lockTaken"/>.</summary>
    public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model)
        {
            Monitor.TryEnter(obj, millisecondsTimeout, ref lockTaken);
            return;
        }
        RequireNotTaken(lockTaken);
        lockTaken = TimedEnter(model, millisecondsTimeout, callerFile, callerLine);
    }

    /// <summary>Acquires the monitor within the timeout and sets <paramref name="lockTaken"/>.</summary>
    public static void TryEnter(object obj, TimeSpan timeout, ref bool lockTaken, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model)
        {
            Monitor.TryEnter(obj, timeout, ref lockTaken);
            return;
        }
        RequireNotTaken(lockTaken);
        lockTaken = TimedEnter(model, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);
    }

    /// <summary>Releases one level of ownership; SynchronizationLockException if the caller does not own it.</summary>
    public static void Exit(object obj, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model)
        {
            Monitor.Exit(obj);
            return;
        }
        model.Exit(callerFile, callerLine);
    }

    /// <summary>Whether the calling thread holds the monitor (not a scheduling point).</summary>
    public static bool IsEntered(object obj, string callerFile, int callerLine, string? resourceName)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (ControlledRuntime.CurrentOperation is not { } operation) return Monitor.IsEntered(obj);
        Dictionary<object, object> models = operation.Runtime.ObjectModels;
        return models.TryGetValue(KeyOf(models, obj), out object? model) && ((Controlled.Lock)model).IsHeldByCurrentThread;
    }

    /// <summary>Releases the monitor, waits for a Pulse, and re-acquires it.</summary>
    public static bool Wait(object obj, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model) return Monitor.Wait(obj);
        model.Wait(callerFile, callerLine);
        return true;
    }

    /// <summary>Like <see cref="Wait(object, string, int, string?)"/> with a timeout; under exploration timing out is a choice.</summary>
    public static bool Wait(object obj, int millisecondsTimeout, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model) return Monitor.Wait(obj, millisecondsTimeout);
        bool pulsed = model.Wait(millisecondsTimeout, callerFile, callerLine);
        if (!pulsed) VirtualTime.Advance(millisecondsTimeout);
        return pulsed;
    }

    /// <summary>Like <see cref="Wait(object, string, int, string?)"/> with a timeout.</summary>
    public static bool Wait(object obj, TimeSpan timeout, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model) return Monitor.Wait(obj, timeout);
        return Wait(obj, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine, resourceName);
    }

    /// <summary>Wakes the longest waiter of the monitor, if any.</summary>
    public static void Pulse(object obj, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model)
        {
            Monitor.Pulse(obj);
            return;
        }
        model.Pulse(callerFile, callerLine);
    }

    /// <summary>Wakes every waiter of the monitor.</summary>
    public static void PulseAll(object obj, string callerFile, int callerLine, string? resourceName)
    {
        if (ModelOf(obj, resourceName) is not { } model)
        {
            Monitor.PulseAll(obj);
            return;
        }
        model.PulseAll(callerFile, callerLine);
    }

    /// <summary>The object's lock in this iteration, created on first use; null outside an exploration.</summary>
    internal static Controlled.Lock? ModelOf(object obj, string? resourceName)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (ControlledRuntime.CurrentOperation is not { } operation) return null;
        Dictionary<object, object> models = operation.Runtime.ObjectModels;
        object key = KeyOf(models, obj);
        if (models.TryGetValue(key, out object? model)) return (Controlled.Lock)model;
        var created = new Controlled.Lock(resourceName ?? TypeNames.Short(obj.GetType()));
        models[key] = created;
        return created;
    }

    /// <summary>
    /// The object itself, unless it already has a model of another kind (a Thread or a SemaphoreSlim used as a
    /// monitor): then its lock is filed under that model, an internal object no user code can lock.
    /// </summary>
    private static object KeyOf(Dictionary<object, object> models, object obj) =>
        models.TryGetValue(obj, out object? model) && model is not Controlled.Lock ? model : obj;

    private static bool TimedEnter(Controlled.Lock model, int millisecondsTimeout, string file, int line)
    {
        bool entered = model.TryEnter(millisecondsTimeout, file, line);
        if (!entered) VirtualTime.Advance(millisecondsTimeout);
        return entered;
    }

    private static void RequireNotTaken(bool lockTaken)
    {
        if (lockTaken) throw new ArgumentException("The lockTaken argument must be set to false before calling this method.", nameof(lockTaken));
    }
}
