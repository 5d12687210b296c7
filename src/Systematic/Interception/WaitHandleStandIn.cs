using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="WaitHandle"/>.WaitOne, which is where every ManualResetEvent, AutoResetEvent and
/// Semaphore wait lands in IL: inside an exploration it waits on the handle's controlled model.
/// </summary>
[InterceptsType("System.Threading.WaitHandle")]
public static class WaitHandleStandIn
{
    /// <summary>Blocks until the handle is signalled.</summary>
    public static bool WaitOne(WaitHandle handle, string callerFile, int callerLine) =>
        WaitHandleModels.Of(handle, "WaitHandle.WaitOne") is { } model ? WaitHandleModels.Wait(model, Timeout.Infinite, callerFile, callerLine) : handle.WaitOne();

    /// <summary>Blocks until the handle is signalled or the timeout elapses; under exploration timing out is a choice.</summary>
    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout, string callerFile, int callerLine) =>
        WaitHandleModels.Of(handle, "WaitHandle.WaitOne") is { } model
            ? WaitHandleModels.Wait(model, ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine)
            : handle.WaitOne(millisecondsTimeout);

    /// <summary>Blocks until the handle is signalled or the timeout elapses.</summary>
    public static bool WaitOne(WaitHandle handle, TimeSpan timeout, string callerFile, int callerLine) =>
        WaitHandleModels.Of(handle, "WaitHandle.WaitOne") is { } model
            ? WaitHandleModels.Wait(model, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine)
            : handle.WaitOne(timeout);

    /// <summary>Like WaitOne(int); the synchronization-context flag has no meaning inside an exploration.</summary>
    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout, bool exitContext, string callerFile, int callerLine) =>
        WaitHandleModels.Of(handle, "WaitHandle.WaitOne") is { } model
            ? WaitHandleModels.Wait(model, ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine)
            : handle.WaitOne(millisecondsTimeout, exitContext);
}
