using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>The controlled half of TaskCompletionSource: its task is awaitable inside the exploration, and completing it is a step.</summary>
internal static class Promises
{
    /// <summary>Maps a TaskCompletionSource's task created inside an exploration to a model named after its field or local.</summary>
    public static void Created(Task task, string? resourceName)
    {
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, task, new AwaitedTask(task, resourceName ?? "TaskCompletionSource"));
    }

    /// <summary>
    /// A scheduling point, then <paramref name="complete"/> (SetResult, TrySetException, ...) recorded as a step that
    /// releases into the task's completion. Outside an exploration only <paramref name="complete"/>.
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
        Awaits.Completing(task);
        try
        {
            T outcome = complete();
            if (!wasDone && task.IsFaulted) TaskObservations.Faulted(task, model.Name, task.Exception!.InnerException!);
            return outcome;
        }
        finally
        {
            runtime.Record(operation, wasDone ? action + " on a done task" : action, model.Name, file, line);
        }
    }
}
