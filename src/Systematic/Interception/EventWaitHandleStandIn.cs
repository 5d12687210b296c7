using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="EventWaitHandle"/>: its constructor and Set/Reset, which ManualResetEvent and
/// AutoResetEvent inherit. Inside an exploration an event is a controlled ManualResetEventSlim or AutoResetEvent.
/// </summary>
[InterceptsType("System.Threading.EventWaitHandle")]
public static class EventWaitHandleStandIn
{
    /// <summary>Creates an unnamed event of the given reset mode.</summary>
    public static EventWaitHandle New(bool initialState, EventResetMode mode, string callerFile, int callerLine, string? resourceName) =>
        WaitHandleModels.Track(new EventWaitHandle(initialState, mode), () => mode == EventResetMode.ManualReset
            ? new Controlled.ManualResetEventSlim(initialState, resourceName ?? "ManualResetEvent")
            : new Controlled.AutoResetEvent(initialState, resourceName ?? "AutoResetEvent"));

    /// <summary>Signals the event.</summary>
    public static bool Set(EventWaitHandle handle, string callerFile, int callerLine)
    {
        switch (WaitHandleModels.Of(handle, "EventWaitHandle.Set"))
        {
            case null:
                return handle.Set();
            case Controlled.ManualResetEventSlim manual:
                manual.Set(callerFile, callerLine);
                return true;
            case Controlled.AutoResetEvent auto:
                return auto.Set(callerFile, callerLine);
            default:
                ControlledRuntime.CheckRealUse("EventWaitHandle.Set");
                return false;
        }
    }

    /// <summary>Un-signals the event.</summary>
    public static bool Reset(EventWaitHandle handle, string callerFile, int callerLine)
    {
        switch (WaitHandleModels.Of(handle, "EventWaitHandle.Reset"))
        {
            case null:
                return handle.Reset();
            case Controlled.ManualResetEventSlim manual:
                manual.Reset(callerFile, callerLine);
                return true;
            case Controlled.AutoResetEvent auto:
                return auto.Reset(callerFile, callerLine);
            default:
                ControlledRuntime.CheckRealUse("EventWaitHandle.Reset");
                return false;
        }
    }
}

/// <summary>Stands in for the <see cref="ManualResetEvent"/> constructor (its Set, Reset and WaitOne are inherited).</summary>
[InterceptsType("System.Threading.ManualResetEvent")]
public static class ManualResetEventStandIn
{
    /// <summary>Creates the event; inside an exploration it is a controlled event named by the field or local it is stored in.</summary>
    public static ManualResetEvent New(bool initialState, string callerFile, int callerLine, string? resourceName) =>
        WaitHandleModels.Track(new ManualResetEvent(initialState), () => new Controlled.ManualResetEventSlim(initialState, resourceName ?? "ManualResetEvent"));
}

/// <summary>Stands in for the <see cref="AutoResetEvent"/> constructor (its Set, Reset and WaitOne are inherited).</summary>
[InterceptsType("System.Threading.AutoResetEvent")]
public static class AutoResetEventStandIn
{
    /// <summary>Creates the event; inside an exploration it is a controlled event named by the field or local it is stored in.</summary>
    public static AutoResetEvent New(bool initialState, string callerFile, int callerLine, string? resourceName) =>
        WaitHandleModels.Track(new AutoResetEvent(initialState), () => new Controlled.AutoResetEvent(initialState, resourceName ?? "AutoResetEvent"));
}

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
