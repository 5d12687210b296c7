using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="CountdownEvent"/>: inside an exploration a controlled countdown for the iteration.</summary>
[InterceptsType("System.Threading.CountdownEvent")]
public static class CountdownEventStandIn
{
    /// <summary>Creates the event with <paramref name="initialCount"/> signals to go.</summary>
    public static CountdownEvent New(int initialCount, string callerFile, int callerLine, string? resourceName)
    {
        var real = new CountdownEvent(initialCount);
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, real, new Controlled.CountdownEvent(initialCount, resourceName ?? "CountdownEvent"));
        return real;
    }

    /// <summary>Registers one signal; true if it set the event.</summary>
    public static bool Signal(CountdownEvent countdown, string callerFile, int callerLine) =>
        ModelOf(countdown, "CountdownEvent.Signal") is { } model ? model.Signal(callerFile, callerLine) : countdown.Signal();

    /// <summary>Registers <paramref name="signalCount"/> signals; true if they set the event.</summary>
    public static bool Signal(CountdownEvent countdown, int signalCount, string callerFile, int callerLine) =>
        ModelOf(countdown, "CountdownEvent.Signal") is { } model ? model.Signal(signalCount, callerFile, callerLine) : countdown.Signal(signalCount);

    /// <summary>Raises the count by one.</summary>
    public static void AddCount(CountdownEvent countdown, string callerFile, int callerLine) => AddCount(countdown, 1, callerFile, callerLine);

    /// <summary>Raises the count; InvalidOperationException on a set event, as in .NET.</summary>
    public static void AddCount(CountdownEvent countdown, int signalCount, string callerFile, int callerLine)
    {
        if (ModelOf(countdown, "CountdownEvent.AddCount") is { } model) model.AddCount(signalCount, callerFile, callerLine);
        else countdown.AddCount(signalCount);
    }

    /// <summary>Sets the count back to its initial value.</summary>
    public static void Reset(CountdownEvent countdown, string callerFile, int callerLine)
    {
        if (ModelOf(countdown, "CountdownEvent.Reset") is { } model) model.Reset(callerFile, callerLine);
        else countdown.Reset();
    }

    /// <summary>Blocks until the count reaches zero.</summary>
    public static void Wait(CountdownEvent countdown, string callerFile, int callerLine)
    {
        if (ModelOf(countdown, "CountdownEvent.Wait") is { } model) model.Wait(callerFile, callerLine);
        else countdown.Wait();
    }

    /// <summary>Blocks until the count reaches zero or the timeout elapses; under exploration timing out is a choice.</summary>
    public static bool Wait(CountdownEvent countdown, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ModelOf(countdown, "CountdownEvent.Wait") is not { } model) return countdown.Wait(millisecondsTimeout);
        bool set = model.Wait(ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine);
        if (!set) VirtualTime.Advance(millisecondsTimeout);
        return set;
    }

    /// <summary>Blocks until the count reaches zero or the timeout elapses.</summary>
    public static bool Wait(CountdownEvent countdown, TimeSpan timeout, string callerFile, int callerLine) =>
        ModelOf(countdown, "CountdownEvent.Wait") is null
            ? countdown.Wait(timeout)
            : Wait(countdown, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);

    /// <summary>Signals still needed (not a scheduling point).</summary>
    public static int get_CurrentCount(CountdownEvent countdown, string callerFile, int callerLine) =>
        ModelOf(countdown, "CountdownEvent.CurrentCount") is { } model ? model.CurrentCount : countdown.CurrentCount;

    /// <summary>Whether the count has reached zero (not a scheduling point).</summary>
    public static bool get_IsSet(CountdownEvent countdown, string callerFile, int callerLine) =>
        ModelOf(countdown, "CountdownEvent.IsSet") is { } model ? model.IsSet : countdown.IsSet;

    private static Controlled.CountdownEvent? ModelOf(CountdownEvent countdown, string primitive) =>
        ObjectModels.Of<Controlled.CountdownEvent>(countdown, primitive);
}
