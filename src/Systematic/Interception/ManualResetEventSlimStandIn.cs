using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="ManualResetEventSlim"/>: inside an exploration a controlled event for the iteration.</summary>
[InterceptsType("System.Threading.ManualResetEventSlim")]
public static class ManualResetEventSlimStandIn
{
    private const string DefaultName = "ManualResetEventSlim";

    /// <summary>Creates an unsignalled event.</summary>
    public static ManualResetEventSlim New(string callerFile, int callerLine, string? resourceName) => New(false, callerFile, callerLine, resourceName);

    /// <summary>Creates the event, signalled or not.</summary>
    public static ManualResetEventSlim New(bool initialState, string callerFile, int callerLine, string? resourceName) =>
        Track(new ManualResetEventSlim(initialState), initialState, resourceName);

    /// <summary>Creates the event with a spin count (which has no meaning inside an exploration).</summary>
    public static ManualResetEventSlim New(bool initialState, int spinCount, string callerFile, int callerLine, string? resourceName) =>
        Track(new ManualResetEventSlim(initialState, spinCount), initialState, resourceName);

    /// <summary>Signals the event, releasing every waiter.</summary>
    public static void Set(ManualResetEventSlim handle, string callerFile, int callerLine)
    {
        if (ModelOf(handle, "ManualResetEventSlim.Set") is { } model) model.Set(callerFile, callerLine);
        else handle.Set();
    }

    /// <summary>Un-signals the event.</summary>
    public static void Reset(ManualResetEventSlim handle, string callerFile, int callerLine)
    {
        if (ModelOf(handle, "ManualResetEventSlim.Reset") is { } model) model.Reset(callerFile, callerLine);
        else handle.Reset();
    }

    /// <summary>Blocks until the event is signalled.</summary>
    public static void Wait(ManualResetEventSlim handle, string callerFile, int callerLine)
    {
        if (ModelOf(handle, "ManualResetEventSlim.Wait") is { } model) model.Wait(callerFile, callerLine);
        else handle.Wait();
    }

    /// <summary>Blocks until the event is signalled or the timeout elapses; under exploration timing out is a choice.</summary>
    public static bool Wait(ManualResetEventSlim handle, int millisecondsTimeout, string callerFile, int callerLine) =>
        ModelOf(handle, "ManualResetEventSlim.Wait") is { } model
            ? WaitHandleModels.Wait(model, ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine)
            : handle.Wait(millisecondsTimeout);

    /// <summary>Blocks until the event is signalled or the timeout elapses.</summary>
    public static bool Wait(ManualResetEventSlim handle, TimeSpan timeout, string callerFile, int callerLine) =>
        ModelOf(handle, "ManualResetEventSlim.Wait") is { } model
            ? WaitHandleModels.Wait(model, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine)
            : handle.Wait(timeout);

    /// <summary>Whether the event is signalled (not a scheduling point).</summary>
    public static bool get_IsSet(ManualResetEventSlim handle, string callerFile, int callerLine) =>
        ModelOf(handle, "ManualResetEventSlim.IsSet") is { } model ? model.IsSet : handle.IsSet;

    private static ManualResetEventSlim Track(ManualResetEventSlim handle, bool initialState, string? resourceName)
    {
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, handle, new Controlled.ManualResetEventSlim(initialState, resourceName ?? DefaultName));
        return handle;
    }

    private static Controlled.ManualResetEventSlim? ModelOf(ManualResetEventSlim handle, string primitive) =>
        ObjectModels.Of<Controlled.ManualResetEventSlim>(handle, primitive);
}
