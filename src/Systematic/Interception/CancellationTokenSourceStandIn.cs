using Lab.Systematic.Async;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="CancellationTokenSource"/>. Inside an exploration Cancel, Dispose and the
/// IsCancellationRequested check are steps (scheduling points), registrations run inline in the cancelling operation as
/// they really do, and CancelAfter (and the time-out constructors) are timers on virtual time instead of real timers.
/// </summary>
[InterceptsType("System.Threading.CancellationTokenSource")]
public static class CancellationTokenSourceStandIn
{
    /// <summary>Creates a source.</summary>
    public static CancellationTokenSource New(string callerFile, int callerLine, string? resourceName) => Track(new CancellationTokenSource(), resourceName);

    /// <summary>Creates a source cancelled after <paramref name="millisecondsDelay"/> (of virtual time inside an exploration).</summary>
    public static CancellationTokenSource New(int millisecondsDelay, string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.Current is null) return new CancellationTokenSource(millisecondsDelay);
        CancellationTokenSource source = Track(new CancellationTokenSource(), resourceName);
        CancelAfter(source, millisecondsDelay, callerFile, callerLine);
        return source;
    }

    /// <summary>Like <see cref="New(int, string, int, string?)"/>.</summary>
    public static CancellationTokenSource New(TimeSpan delay, string callerFile, int callerLine, string? resourceName) =>
        ControlledRuntime.Current is null ? new CancellationTokenSource(delay) : New(ControlledRuntime.ToMilliseconds(delay), callerFile, callerLine, resourceName);

    /// <summary>Requests cancellation: a step; registered callbacks run now, in this operation.</summary>
    public static void Cancel(CancellationTokenSource source, string callerFile, int callerLine) => Step(source, "Cancel", source.Cancel, callerFile, callerLine);

    /// <summary>Like <see cref="Cancel(CancellationTokenSource, string, int)"/>.</summary>
    public static void Cancel(CancellationTokenSource source, bool throwOnFirstException, string callerFile, int callerLine) =>
        Step(source, "Cancel", () => source.Cancel(throwOnFirstException), callerFile, callerLine);

    /// <summary>Cancels after <paramref name="millisecondsDelay"/> of virtual time: a timer operation the strategy fires in due order.</summary>
    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            source.CancelAfter(millisecondsDelay);
            return;
        }
        ControlledRuntime.CheckTimeout(millisecondsDelay);
        if (millisecondsDelay == 0) Cancel(source, callerFile, callerLine);
        else if (millisecondsDelay > 0) DelayTimers.Start(runtime, millisecondsDelay, callerFile, callerLine, "CancelAfter", () => CancelQuietly(source));
    }

    /// <summary>Like <see cref="CancelAfter(CancellationTokenSource, int, string, int)"/>.</summary>
    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay, string callerFile, int callerLine) =>
        CancelAfter(source, ControlledRuntime.ToMilliseconds(delay), callerFile, callerLine);

    /// <summary>Whether cancellation was requested: a step that reads it.</summary>
    public static bool get_IsCancellationRequested(CancellationTokenSource source, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not { } runtime) return source.IsCancellationRequested;
        ControlledOperation operation = runtime.Enter("CancellationTokenSource.IsCancellationRequested");
        runtime.SchedulingPoint(operation);
        bool requested = source.IsCancellationRequested;
        runtime.Record(operation, "IsCancellationRequested", NameOf(runtime, source), callerFile, callerLine, requested ? 1 : 0);
        return requested;
    }

    /// <summary>Disposes the source: a step, after which Cancel throws ObjectDisposedException, as it really does.</summary>
    public static void Dispose(CancellationTokenSource source, string callerFile, int callerLine) => Step(source, "Dispose", source.Dispose, callerFile, callerLine);

    private static void Step(CancellationTokenSource source, string action, Action act, string file, int line)
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            act();
            return;
        }
        ControlledOperation operation = runtime.Enter("CancellationTokenSource." + action);
        runtime.SchedulingPoint(operation);
        runtime.Record(operation, action, NameOf(runtime, source), file, line);
        act();
    }

    /// <summary>A timer's cancel: a source disposed before its timer fires is not cancelled, as a real CancelAfter's timer is stopped by Dispose.</summary>
    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Dispose stopped the real timer; the virtual one has nothing left to cancel.
        }
    }

    private static CancellationTokenSource Track(CancellationTokenSource source, string? resourceName)
    {
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, source, new SourceName(resourceName ?? "CancellationTokenSource"));
        return source;
    }

    private static string NameOf(ControlledRuntime runtime, CancellationTokenSource source) =>
        ObjectModels.Find<SourceName>(runtime, source)?.Name ?? "CancellationTokenSource";

    private sealed record SourceName(string Name);
}
