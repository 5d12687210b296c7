using Lab.Systematic.Async;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="CancellationTokenSource"/>. Inside an exploration Cancel, CancelAfter, Dispose and the
/// IsCancellationRequested check are steps (scheduling points); registered callbacks run inline in the cancelling
/// operation as they really do, each a step of its own (see CancellationTokenStandIn.Register); CancelAfter (and the
/// time-out constructors) are timers on virtual time instead of real timers. After Dispose, Cancel, CancelAfter and Token
/// throw ObjectDisposedException, as in .NET.
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

    /// <summary>
    /// Cancels after <paramref name="millisecondsDelay"/> of virtual time: a step, then a timer operation the strategy fires in
    /// due order. A later CancelAfter replaces it (Timeout.Infinite only stops it); after Dispose it throws ObjectDisposedException.
    /// </summary>
    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            source.CancelAfter(millisecondsDelay);
            return;
        }
        ControlledRuntime.CheckTimeout(millisecondsDelay);
        if (millisecondsDelay == 0)
        {
            Cancel(source, callerFile, callerLine);
            return;
        }
        ControlledOperation operation = runtime.Enter("CancellationTokenSource.CancelAfter");
        runtime.SchedulingPoint(operation);
        _ = source.Token; // throws ObjectDisposedException after Dispose, as the real CancelAfter does
        SourceModel model = ModelOf(runtime, source);
        int timer = ++model.Timers;
        if (millisecondsDelay < 0)
        {
            runtime.Record(operation, "CancelAfter", model.Name, callerFile, callerLine, millisecondsDelay);
            return;
        }
        DelayTimers.Start(runtime, millisecondsDelay, callerFile, callerLine, "CancelAfter", () =>
        {
            if (model.Timers == timer) CancelQuietly(source);
        });
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
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, source, new SourceModel(resourceName ?? "CancellationTokenSource"));
        return source;
    }

    private static string NameOf(ControlledRuntime runtime, CancellationTokenSource source) => ModelOf(runtime, source).Name;

    /// <summary>The source's model: one created outside the exploration gets a default one (its Cancel is still a real call).</summary>
    private static SourceModel ModelOf(ControlledRuntime runtime, CancellationTokenSource source)
    {
        if (ObjectModels.Find<SourceModel>(runtime, source) is { } model) return model;
        model = new SourceModel("CancellationTokenSource");
        ObjectModels.Add(runtime, source, model);
        return model;
    }

    /// <summary>A source's name, and how many CancelAfter calls it had: only the latest one's timer cancels, as a real reset timer would.</summary>
    private sealed class SourceModel(string name)
    {
        public string Name { get; } = name;

        public int Timers { get; set; }
    }
}
