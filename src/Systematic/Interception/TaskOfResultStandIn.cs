using System.Runtime.CompilerServices;
using Lab.Systematic.Async;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for the members <see cref="Task{TResult}"/> declares itself: Result (a controlled wait) and await.</summary>
[InterceptsType("System.Threading.Tasks.Task`1")]
public static class TaskOfResultStandIn
{
    /// <summary>Waits for the task and returns its result; throws AggregateException if it faulted, as the real Result does.</summary>
    public static TResult get_Result<TResult>(Task<TResult> task, string callerFile, int callerLine)
    {
        Awaits.Wait(task, "Task.Result", Timeout.Infinite, callerFile, callerLine);
        return task.Result;
    }

    /// <summary><c>await task</c>: a scheduling point that reads whether the task is done; if not, the method suspends.</summary>
    public static TaskAwaiter<TResult> GetAwaiter<TResult>(Task<TResult> task, string callerFile, int callerLine)
    {
        Awaits.Await(task, callerFile, callerLine);
        return task.GetAwaiter();
    }

    /// <summary><c>await task.ConfigureAwait(...)</c>: the same as await under the engine.</summary>
    public static ConfiguredTaskAwaitable<TResult> ConfigureAwait<TResult>(Task<TResult> task, bool continueOnCapturedContext, string callerFile, int callerLine)
    {
        Awaits.Await(task, callerFile, callerLine, continueOnCapturedContext);
        return task.ConfigureAwait(continueOnCapturedContext);
    }

    /// <summary>Like <see cref="ConfigureAwait{TResult}(Task{TResult}, bool, string, int)"/>.</summary>
    public static ConfiguredTaskAwaitable<TResult> ConfigureAwait<TResult>(Task<TResult> task, ConfigureAwaitOptions options, string callerFile, int callerLine)
    {
        Awaits.Await(task, callerFile, callerLine, options.HasFlag(ConfigureAwaitOptions.ContinueOnCapturedContext));
        return task.ConfigureAwait(options);
    }
}
