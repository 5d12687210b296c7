using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// What a Task started by rewritten code stands for inside an exploration: a controlled operation whose outcome
/// completes a real <see cref="TaskCompletionSource"/>, so the Task it returns is a real one (Status, Exception,
/// Result all real) that completes when the operation does. Continuations never run inline on the operation.
/// </summary>
internal sealed class TaskModel(Task task) : OperationCompletion
{
    public Task Task { get; } = task;

    /// <summary>Starts <paramref name="action"/> as an operation; the returned task completes (or faults) with it.</summary>
    public static Task Run(string primitive, Action action, Delegate named, string file, int line)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Start(primitive, completion.Task, () =>
        {
            try
            {
                action();
                completion.SetResult();
            }
            catch (Exception exception) when (exception is not ExecutionCanceledException)
            {
                completion.SetException(exception);
                Async.TaskObservations.Faulted(completion.Task, ControlledRuntime.CurrentOperation?.Name ?? primitive, exception);
            }
        }, named, file, line);
        return completion.Task;
    }

    /// <summary>Starts <paramref name="function"/> as an operation; the returned task gets its result (or exception).</summary>
    public static Task<TResult> Run<TResult>(string primitive, Func<TResult> function, string file, int line, Delegate? named = null)
    {
        var completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Start(primitive, completion.Task, () =>
        {
            try
            {
                completion.SetResult(function());
            }
            catch (Exception exception) when (exception is not ExecutionCanceledException)
            {
                completion.SetException(exception);
                Async.TaskObservations.Faulted(completion.Task, ControlledRuntime.CurrentOperation?.Name ?? primitive, exception);
            }
        }, named ?? function, file, line);
        return completion.Task;
    }

    /// <summary>
    /// The model of <paramref name="task"/>, or null when the real member can be used as it is: outside an
    /// exploration, or for a task that has already completed (Task.CompletedTask, Task.FromResult). Waiting inside
    /// an exploration on a task it does not control would block a controlled thread for real: that is reported.
    /// </summary>
    public static TaskModel? Of(Task task, string primitive, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (ControlledRuntime.CurrentOperation is not { } operation) return null;
        if (ObjectModels.Find<TaskModel>(operation.Runtime, task) is { } model) return model;
        if (task.IsCompleted) return null;
        string location = SourceLocation.Format(file, line);
        throw operation.Runtime.Fail(new BugReport(BugKind.UncontrolledConcurrency,
            $"{primitive} at {location} waits for a task the exploration does not control (created outside it, by async code or " +
            "by a TaskCompletionSource), which would block for real. Start tasks inside the explored body with Task.Run, or use threads.",
            operation.Name, location));
    }

    private static void Start(string primitive, Task task, Action body, Delegate named, string file, int line)
    {
        ControlledRuntime runtime = ControlledRuntime.Current!;
        ControlledOperation parent = runtime.Enter(primitive);
        var model = new TaskModel(task);
        runtime.ObjectModels[task] = model;
        model.Operation = Start(runtime, parent, body, OperationNames.Of(named), file, line);
    }
}
