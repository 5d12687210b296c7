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
