using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="Task"/>. Inside an exploration Task.Run starts a controlled operation and returns a real
/// task that completes when it does; Wait, WaitAll and WaitAny block as controlled waits; Delay advances virtual
/// time. <c>await</c> is not controlled yet: GetAwaiter and ConfigureAwait report it instead of hanging.
/// </summary>
[InterceptsType("System.Threading.Tasks.Task")]
public static class TaskStandIn
{
    /// <summary>Runs <paramref name="action"/> as a controlled operation (a real pool task outside an exploration).</summary>
    public static Task Run(Action action, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ControlledRuntime.CurrentOperation is null ? Task.Run(action) : TaskModel.Run("Task.Run", action, action, callerFile, callerLine);
    }

    /// <summary>Runs <paramref name="function"/> as a controlled operation; the task's Result is its value.</summary>
    public static Task<TResult> Run<TResult>(Func<TResult> function, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(function);
        return ControlledRuntime.CurrentOperation is null ? Task.Run(function) : TaskModel.Run("Task.Run", function, callerFile, callerLine);
    }

    /// <summary>The real factory; its StartNew is intercepted by <see cref="TaskFactoryStandIn"/>.</summary>
    public static TaskFactory get_Factory(string callerFile, int callerLine) => Task.Factory;

    /// <summary>Waits for the task; throws AggregateException if it faulted, as the real Wait does.</summary>
    public static void Wait(Task task, string callerFile, int callerLine)
    {
        if (TaskModel.Of(task, "Task.Wait", callerFile, callerLine) is { } model) Join(model, "Task.Wait", Timeout.Infinite, callerFile, callerLine);
        task.Wait();
    }

    /// <summary>Waits for the task within the timeout; under exploration timing out is a choice.</summary>
    public static bool Wait(Task task, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (TaskModel.Of(task, "Task.Wait", callerFile, callerLine) is { } model
            && !Join(model, "Task.Wait", ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine)) return false;
        return task.Wait(millisecondsTimeout);
    }

    /// <summary>Waits for the task within the timeout.</summary>
    public static bool Wait(Task task, TimeSpan timeout, string callerFile, int callerLine) =>
        Wait(task, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);

    /// <summary>Waits for every task; throws one AggregateException with all their exceptions, as the real WaitAll does.</summary>
    public static void WaitAll(Task[] tasks, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (Task task in tasks)
        {
            if (TaskModel.Of(task, "Task.WaitAll", callerFile, callerLine) is { } model) Join(model, "Task.WaitAll", Timeout.Infinite, callerFile, callerLine);
        }
        Task.WaitAll(tasks);
    }

    /// <summary>Waits for every task (the <c>params ReadOnlySpan&lt;Task&gt;</c> overload).</summary>
    public static void WaitAll(ReadOnlySpan<Task> tasks, string callerFile, int callerLine) => WaitAll(tasks.ToArray(), callerFile, callerLine);

    /// <summary>Waits for every task within the timeout; false if one of them timed out.</summary>
    public static bool WaitAll(Task[] tasks, int millisecondsTimeout, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ControlledRuntime.CheckTimeout(millisecondsTimeout);
        foreach (Task task in tasks)
        {
            if (TaskModel.Of(task, "Task.WaitAll", callerFile, callerLine) is { } model
                && !Join(model, "Task.WaitAll", millisecondsTimeout, callerFile, callerLine)) return false;
        }
        return Task.WaitAll(tasks, millisecondsTimeout);
    }

    /// <summary>Waits until one task completes; returns its index (the lowest, if several have).</summary>
    public static int WaitAny(Task[] tasks, string callerFile, int callerLine) => WaitAny(tasks, Timeout.Infinite, callerFile, callerLine);

    /// <summary>Waits until one task completes or the timeout elapses (-1); under exploration timing out is a choice.</summary>
    public static int WaitAny(Task[] tasks, int millisecondsTimeout, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ControlledRuntime.CheckTimeout(millisecondsTimeout);
        if (ControlledRuntime.CurrentOperation is null) return Task.WaitAny(tasks, millisecondsTimeout);
        var models = new TaskModel?[tasks.Length];
        for (int i = 0; i < tasks.Length; i++) models[i] = TaskModel.Of(tasks[i], "Task.WaitAny", callerFile, callerLine);
        return AnyCompletion.Wait(tasks, models, millisecondsTimeout, callerFile, callerLine);
    }

    /// <summary>Outside an exploration a real delay; inside one a scheduling point that advances virtual time and returns a completed task.</summary>
    public static Task Delay(int millisecondsDelay, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not { } runtime) return Task.Delay(millisecondsDelay);
        ControlledRuntime.CheckTimeout(millisecondsDelay);
        ControlledOperation operation = runtime.Enter("Task.Delay");
        runtime.SchedulingPoint(operation);
        VirtualTime.Advance(millisecondsDelay);
        runtime.Record(operation, "Delay", null, callerFile, callerLine, millisecondsDelay);
        return Task.CompletedTask;
    }

    /// <summary>Like <see cref="Delay(int, string, int)"/>.</summary>
    public static Task Delay(TimeSpan delay, string callerFile, int callerLine) =>
        ControlledRuntime.Current is null ? Task.Delay(delay) : Delay(ControlledRuntime.ToMilliseconds(delay), callerFile, callerLine);

    /// <summary><c>await task</c>: real outside an exploration; inside one reported as uncontrolled concurrency.</summary>
    public static System.Runtime.CompilerServices.TaskAwaiter GetAwaiter(Task task, string callerFile, int callerLine)
    {
        AwaitReport.ThrowIfControlled("await", callerFile, callerLine);
        return task.GetAwaiter();
    }

    /// <summary><c>await task.ConfigureAwait(...)</c>: real outside an exploration; inside one reported as uncontrolled concurrency.</summary>
    public static System.Runtime.CompilerServices.ConfiguredTaskAwaitable ConfigureAwait(Task task, bool continueOnCapturedContext, string callerFile, int callerLine)
    {
        AwaitReport.ThrowIfControlled("ConfigureAwait", callerFile, callerLine);
        return task.ConfigureAwait(continueOnCapturedContext);
    }

    /// <summary>Like <see cref="ConfigureAwait(Task, bool, string, int)"/>.</summary>
    public static System.Runtime.CompilerServices.ConfiguredTaskAwaitable ConfigureAwait(Task task, ConfigureAwaitOptions options, string callerFile, int callerLine)
    {
        AwaitReport.ThrowIfControlled("ConfigureAwait", callerFile, callerLine);
        return task.ConfigureAwait(options);
    }

    internal static bool Join(TaskModel model, string primitive, int millisecondsTimeout, string file, int line) =>
        model.Join(model.Operation!.Runtime, primitive, millisecondsTimeout, file, line);
}
