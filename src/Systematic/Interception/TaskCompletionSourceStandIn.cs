using Lab.Systematic.Async;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="TaskCompletionSource"/>. One created inside an exploration has a task the
/// exploration can await and wait for; completing it is a step (a scheduling point) whose effects its awaiters see.
/// Without TaskCreationOptions.RunContinuationsAsynchronously, the continuation of each await on its task that captured
/// no SynchronizationContext runs inline, as in .NET: inside SetResult (or TrySetException, SetCanceled, ...), on the
/// completer's thread, holding its locks, before the call returns, shown as a "resume(X) inline" step at the await's
/// line. With the option, or after an await that captured a context, each continuation is a step of its own.
/// </summary>
[InterceptsType("System.Threading.Tasks.TaskCompletionSource")]
public static class TaskCompletionSourceStandIn
{
    /// <summary>Creates the source; its task is controlled when created inside an exploration.</summary>
    public static TaskCompletionSource New(string callerFile, int callerLine, string? resourceName) => Track(new TaskCompletionSource(), resourceName);

    /// <summary>Creates the source with <paramref name="creationOptions"/>.</summary>
    public static TaskCompletionSource New(TaskCreationOptions creationOptions, string callerFile, int callerLine, string? resourceName) =>
        Track(new TaskCompletionSource(creationOptions), resourceName);

    /// <summary>Creates the source with a state object.</summary>
    public static TaskCompletionSource New(object? state, string callerFile, int callerLine, string? resourceName) => Track(new TaskCompletionSource(state), resourceName);

    /// <summary>Creates the source with a state object and <paramref name="creationOptions"/>.</summary>
    public static TaskCompletionSource New(object? state, TaskCreationOptions creationOptions, string callerFile, int callerLine, string? resourceName) =>
        Track(new TaskCompletionSource(state, creationOptions), resourceName);

    /// <summary>Completes the task with its result; InvalidOperationException if it is already done.</summary>
    public static void SetResult(TaskCompletionSource source, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetResult", () => { source.SetResult(); return true; }, callerFile, callerLine);

    /// <summary>Completes the task with its result unless it is already done.</summary>
    public static bool TrySetResult(TaskCompletionSource source, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetResult", () => source.TrySetResult(), callerFile, callerLine);

    /// <summary>Faults the task.</summary>
    public static void SetException(TaskCompletionSource source, Exception exception, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetException", () => { source.SetException(exception); return true; }, callerFile, callerLine);

    /// <summary>Faults the task with several exceptions.</summary>
    public static void SetException(TaskCompletionSource source, IEnumerable<Exception> exceptions, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetException", () => { source.SetException(exceptions); return true; }, callerFile, callerLine);

    /// <summary>Faults the task unless it is already done.</summary>
    public static bool TrySetException(TaskCompletionSource source, Exception exception, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetException", () => source.TrySetException(exception), callerFile, callerLine);

    /// <summary>Faults the task with several exceptions unless it is already done.</summary>
    public static bool TrySetException(TaskCompletionSource source, IEnumerable<Exception> exceptions, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetException", () => source.TrySetException(exceptions), callerFile, callerLine);

    /// <summary>Cancels the task.</summary>
    public static void SetCanceled(TaskCompletionSource source, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetCanceled", () => { source.SetCanceled(); return true; }, callerFile, callerLine);

    /// <summary>Cancels the task, naming the token.</summary>
    public static void SetCanceled(TaskCompletionSource source, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetCanceled", () => { source.SetCanceled(cancellationToken); return true; }, callerFile, callerLine);

    /// <summary>Cancels the task unless it is already done.</summary>
    public static bool TrySetCanceled(TaskCompletionSource source, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetCanceled", source.TrySetCanceled, callerFile, callerLine);

    /// <summary>Cancels the task, naming the token, unless it is already done.</summary>
    public static bool TrySetCanceled(TaskCompletionSource source, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetCanceled", () => source.TrySetCanceled(cancellationToken), callerFile, callerLine);

    private static TaskCompletionSource Track(TaskCompletionSource source, string? resourceName)
    {
        Promises.Created(source.Task, resourceName);
        return source;
    }
}
