using Lab.Systematic.Async;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="TaskCompletionSource{TResult}"/>. One created inside an exploration has a task the
/// exploration can await and wait for; completing it is a step (a scheduling point) whose effects its awaiters see.
/// Without TaskCreationOptions.RunContinuationsAsynchronously, the continuation of each await on its task that captured
/// no SynchronizationContext runs inline, as in .NET: inside SetResult (or TrySetException, SetCanceled, ...), on the
/// completer's thread, holding its locks, before the call returns, shown as a "resume(X) inline" step at the await's
/// line. With the option, or after an await that captured a context, each continuation is a step of its own.
/// </summary>
[InterceptsType("System.Threading.Tasks.TaskCompletionSource`1")]
public static class TaskCompletionSourceOfResultStandIn
{
    /// <summary>Creates the source; its task is controlled when created inside an exploration.</summary>
    public static TaskCompletionSource<TResult> New<TResult>(string callerFile, int callerLine, string? resourceName) => Track(new TaskCompletionSource<TResult>(), resourceName);

    /// <summary>Creates the source with <paramref name="creationOptions"/>.</summary>
    public static TaskCompletionSource<TResult> New<TResult>(TaskCreationOptions creationOptions, string callerFile, int callerLine, string? resourceName) =>
        Track(new TaskCompletionSource<TResult>(creationOptions), resourceName);

    /// <summary>Creates the source with a state object.</summary>
    public static TaskCompletionSource<TResult> New<TResult>(object? state, string callerFile, int callerLine, string? resourceName) => Track(new TaskCompletionSource<TResult>(state), resourceName);

    /// <summary>Creates the source with a state object and <paramref name="creationOptions"/>.</summary>
    public static TaskCompletionSource<TResult> New<TResult>(object? state, TaskCreationOptions creationOptions, string callerFile, int callerLine, string? resourceName) =>
        Track(new TaskCompletionSource<TResult>(state, creationOptions), resourceName);

    /// <summary>Completes the task with its result; InvalidOperationException if it is already done.</summary>
    public static void SetResult<TResult>(TaskCompletionSource<TResult> source, TResult result, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetResult", () => { source.SetResult(result); return true; }, callerFile, callerLine);

    /// <summary>Completes the task with its result unless it is already done.</summary>
    public static bool TrySetResult<TResult>(TaskCompletionSource<TResult> source, TResult result, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetResult", () => source.TrySetResult(result), callerFile, callerLine);

    /// <summary>Faults the task.</summary>
    public static void SetException<TResult>(TaskCompletionSource<TResult> source, Exception exception, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetException", () => { source.SetException(exception); return true; }, callerFile, callerLine);

    /// <summary>Faults the task with several exceptions.</summary>
    public static void SetException<TResult>(TaskCompletionSource<TResult> source, IEnumerable<Exception> exceptions, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetException", () => { source.SetException(exceptions); return true; }, callerFile, callerLine);

    /// <summary>Faults the task unless it is already done.</summary>
    public static bool TrySetException<TResult>(TaskCompletionSource<TResult> source, Exception exception, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetException", () => source.TrySetException(exception), callerFile, callerLine);

    /// <summary>Faults the task with several exceptions unless it is already done.</summary>
    public static bool TrySetException<TResult>(TaskCompletionSource<TResult> source, IEnumerable<Exception> exceptions, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetException", () => source.TrySetException(exceptions), callerFile, callerLine);

    /// <summary>Cancels the task.</summary>
    public static void SetCanceled<TResult>(TaskCompletionSource<TResult> source, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetCanceled", () => { source.SetCanceled(); return true; }, callerFile, callerLine);

    /// <summary>Cancels the task, naming the token.</summary>
    public static void SetCanceled<TResult>(TaskCompletionSource<TResult> source, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "SetCanceled", () => { source.SetCanceled(cancellationToken); return true; }, callerFile, callerLine);

    /// <summary>Cancels the task unless it is already done.</summary>
    public static bool TrySetCanceled<TResult>(TaskCompletionSource<TResult> source, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetCanceled", source.TrySetCanceled, callerFile, callerLine);

    /// <summary>Cancels the task, naming the token, unless it is already done.</summary>
    public static bool TrySetCanceled<TResult>(TaskCompletionSource<TResult> source, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Promises.Complete(source.Task, "TrySetCanceled", () => source.TrySetCanceled(cancellationToken), callerFile, callerLine);

    private static TaskCompletionSource<TResult> Track<TResult>(TaskCompletionSource<TResult> source, string? resourceName)
    {
        Promises.Created(source.Task, resourceName);
        return source;
    }
}
