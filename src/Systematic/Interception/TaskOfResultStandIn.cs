using System.Runtime.CompilerServices;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for the members <see cref="Task{TResult}"/> declares itself: Result (a controlled wait) and await.</summary>
[InterceptsType("System.Threading.Tasks.Task`1")]
public static class TaskOfResultStandIn
{
    /// <summary>Waits for the task and returns its result; throws AggregateException if it faulted, as the real Result does.</summary>
    public static TResult get_Result<TResult>(Task<TResult> task, string callerFile, int callerLine)
    {
        if (TaskModel.Of(task, "Task.Result", callerFile, callerLine) is { } model) TaskStandIn.Join(model, "Task.Result", Timeout.Infinite, callerFile, callerLine);
        return task.Result;
    }

    /// <summary><c>await task</c>: real outside an exploration; inside one reported as uncontrolled concurrency.</summary>
    public static TaskAwaiter<TResult> GetAwaiter<TResult>(Task<TResult> task, string callerFile, int callerLine)
    {
        AwaitReport.ThrowIfControlled("await", callerFile, callerLine);
        return task.GetAwaiter();
    }

    /// <summary><c>await task.ConfigureAwait(...)</c>: real outside an exploration; inside one reported.</summary>
    public static ConfiguredTaskAwaitable<TResult> ConfigureAwait<TResult>(Task<TResult> task, bool continueOnCapturedContext, string callerFile, int callerLine)
    {
        AwaitReport.ThrowIfControlled("ConfigureAwait", callerFile, callerLine);
        return task.ConfigureAwait(continueOnCapturedContext);
    }

    /// <summary>Like <see cref="ConfigureAwait{TResult}(Task{TResult}, bool, string, int)"/>.</summary>
    public static ConfiguredTaskAwaitable<TResult> ConfigureAwait<TResult>(Task<TResult> task, ConfigureAwaitOptions options, string callerFile, int callerLine)
    {
        AwaitReport.ThrowIfControlled("ConfigureAwait", callerFile, callerLine);
        return task.ConfigureAwait(options);
    }
}
