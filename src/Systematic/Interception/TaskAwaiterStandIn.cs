using System.Runtime.CompilerServices;
using Lab.Systematic.Async;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="TaskAwaiter"/>.GetResult, so <c>task.GetAwaiter().GetResult()</c> (sync over async) on an
/// unfinished task is a controlled wait rather than a real block. After an await the task is done and it costs nothing.
/// </summary>
[InterceptsType("System.Runtime.CompilerServices.TaskAwaiter")]
public static class TaskAwaiterStandIn
{
    /// <summary>Waits for the task (a controlled wait when it is unfinished), then ends as the real GetResult does.</summary>
    public static void GetResult(ref TaskAwaiter awaiter, string callerFile, int callerLine)
    {
        // TaskAwaiter's one field is its task.
        if (!awaiter.IsCompleted) Awaits.Wait(Unsafe.As<TaskAwaiter, Task>(ref awaiter), "GetResult", Timeout.Infinite, callerFile, callerLine);
        awaiter.GetResult();
    }
}

/// <summary>Stands in for <see cref="TaskAwaiter{TResult}"/>.GetResult; see <see cref="TaskAwaiterStandIn"/>.</summary>
[InterceptsType("System.Runtime.CompilerServices.TaskAwaiter`1")]
public static class TaskAwaiterOfResultStandIn
{
    /// <summary>Waits for the task (a controlled wait when it is unfinished), then returns its result as the real GetResult does.</summary>
    public static TResult GetResult<TResult>(ref TaskAwaiter<TResult> awaiter, string callerFile, int callerLine)
    {
        if (!awaiter.IsCompleted) Awaits.Wait(Unsafe.As<TaskAwaiter<TResult>, Task<TResult>>(ref awaiter), "GetResult", Timeout.Infinite, callerFile, callerLine);
        return awaiter.GetResult();
    }
}
