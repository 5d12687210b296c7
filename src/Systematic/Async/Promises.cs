using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>The controlled half of TaskCompletionSource: its task is awaitable inside the exploration, and completing it is a step.</summary>
internal static class Promises
{
    /// <summary>
    /// Maps a TaskCompletionSource's task created inside an exploration to a model named after its field or local; without
    /// RunContinuationsAsynchronously its awaits' continuations run inline in whoever completes it, as in .NET.
    /// </summary>
    public static void Created(Task task, string? resourceName)
    {
        if (ControlledRuntime.Current is not { } runtime) return;
        bool inline = (task.CreationOptions & TaskCreationOptions.RunContinuationsAsynchronously) == 0;
        ObjectModels.Add(runtime, task, new AwaitedTask(task, resourceName ?? "TaskCompletionSource") { InlinesContinuations = inline });
    }

    /// <summary>
    /// A scheduling point, then <paramref name="complete"/> (SetResult, TrySetException, ...) recorded as a step that
    /// releases into the task's completion; if it completed the task, the continuations .NET would run synchronously run
    /// now, inline, before this returns. Outside an exploration only <paramref name="complete"/>.
    /// </summary>
    public static T Complete<T>(Task task, string action, Func<T> complete, string file, int line)
    {
        if (ControlledRuntime.Current is not { } runtime) return complete();
        ControlledOperation operation = runtime.Enter("TaskCompletionSource." + action);
        if (ObjectModels.Find<AwaitedTask>(runtime, task) is not { } model)
        {
            ControlledRuntime.CheckRealUse("TaskCompletionSource");
            throw new InvalidOperationException("unreachable: CheckRealUse throws inside an exploration");
        }
        runtime.SchedulingPoint(operation);
        bool wasDone = task.IsCompleted;
        string step = wasDone ? action + " on a done task" : action;
        Awaits.Completing(task);
        T outcome;
        try
        {
            outcome = complete();
        }
        catch
        {
            runtime.Record(operation, step, model.Name, file, line);
            throw;
        }
        if (!wasDone && task.IsFaulted) TaskObservations.Faulted(task, model.Name, task.Exception!.InnerException!);
        runtime.Record(operation, step, model.Name, file, line);
        if (!wasDone && task.IsCompleted) model.RunInlineContinuations(runtime, operation);
        return outcome;
    }
}
