using System.Runtime.CompilerServices;
using Lab.Systematic.Async;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="Task"/>. Inside an exploration Task.Run starts a controlled operation and returns a real
/// task that completes when it does; Wait, WaitAll and WaitAny block as controlled waits; Delay is a timer on virtual
/// time; <c>await</c> (GetAwaiter, ConfigureAwait, Yield) suspends into a continuation the engine schedules.
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

    /// <summary>
    /// Runs an async function as a controlled operation, which waits (a controlled wait) for the function's task, as the
    /// real Task.Run's proxy does; its awaits are controlled like any other.
    /// </summary>
    public static Task Run(Func<Task> function, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (ControlledRuntime.CurrentOperation is null) return Task.Run(function);
        return TaskModel.Run("Task.Run", () => Unwrap(function(), callerFile, callerLine), function, callerFile, callerLine);
    }

    /// <summary>Runs an async function with a result as a controlled operation; see <see cref="Run(Func{Task}, string, int)"/>.</summary>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>> function, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (ControlledRuntime.CurrentOperation is null) return Task.Run(function);
        Func<TResult> body = () =>
        {
            Task<TResult> inner = function();
            Unwrap(inner, callerFile, callerLine);
            return inner.Result;
        };
        return TaskModel.Run("Task.Run", body, callerFile, callerLine, named: function);
    }

    /// <summary>The real factory; its StartNew is intercepted by <see cref="TaskFactoryStandIn"/>.</summary>
    public static TaskFactory get_Factory(string callerFile, int callerLine) => Task.Factory;

    /// <summary>Waits for the task; throws AggregateException if it faulted, as the real Wait does.</summary>
    public static void Wait(Task task, string callerFile, int callerLine)
    {
        Awaits.Wait(task, "Task.Wait", Timeout.Infinite, callerFile, callerLine);
        task.Wait();
    }

    /// <summary>Waits for the task within the timeout; under exploration timing out is a choice.</summary>
    public static bool Wait(Task task, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (Awaits.Wait(task, "Task.Wait", ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine) == false) return false;
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
            Awaits.Wait(task ?? throw new ArgumentException("The tasks array included at least one null element.", nameof(tasks)), "Task.WaitAll", Timeout.Infinite, callerFile, callerLine);
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
            if (Awaits.Wait(task, "Task.WaitAll", millisecondsTimeout, callerFile, callerLine) == false) return false;
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
        return AnyCompletion.Wait(tasks, millisecondsTimeout, callerFile, callerLine);
    }

    /// <summary>Outside an exploration a real delay; inside one a timer on virtual time, fired when the strategy chooses (see <see cref="DelayTimers"/>).</summary>
    public static Task Delay(int millisecondsDelay, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not { } runtime) return Task.Delay(millisecondsDelay);
        ControlledRuntime.CheckTimeout(millisecondsDelay);
        return DelayTimers.Start(runtime, millisecondsDelay, callerFile, callerLine);
    }

    /// <summary>Like <see cref="Delay(int, string, int)"/>.</summary>
    public static Task Delay(TimeSpan delay, string callerFile, int callerLine) =>
        ControlledRuntime.Current is null ? Task.Delay(delay) : Delay(ControlledRuntime.ToMilliseconds(delay), callerFile, callerLine);

    /// <summary><c>await Task.Yield()</c>: the rest of the method is a continuation the strategy may run at once or later.</summary>
    public static YieldAwaitable Yield(string callerFile, int callerLine)
    {
        Awaits.Yield();
        return Task.Yield();
    }

    /// <summary>Done when every task is (a controlled operation completes it); faults with their exceptions.</summary>
    public static Task WhenAll(Task[] tasks, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return ControlledRuntime.Current is null ? Task.WhenAll(tasks) : TaskCombinators.WhenAll(tasks, _ => true, callerFile, callerLine);
    }

    /// <summary>The <c>params ReadOnlySpan&lt;Task&gt;</c> overload of <see cref="WhenAll(Task[], string, int)"/>.</summary>
    public static Task WhenAll(ReadOnlySpan<Task> tasks, string callerFile, int callerLine) => WhenAll(tasks.ToArray(), callerFile, callerLine);

    /// <summary>Like <see cref="WhenAll(Task[], string, int)"/>.</summary>
    public static Task WhenAll(IEnumerable<Task> tasks, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return WhenAll(tasks.ToArray(), callerFile, callerLine);
    }

    /// <summary>Done when every task is; its result holds their results in order.</summary>
    public static Task<TResult[]> WhenAll<TResult>(Task<TResult>[] tasks, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return ControlledRuntime.Current is null ? Task.WhenAll(tasks) : TaskCombinators.WhenAll(tasks, _ => Array.ConvertAll(tasks, task => task.Result), callerFile, callerLine);
    }

    /// <summary>The <c>params ReadOnlySpan&lt;Task&lt;TResult&gt;&gt;</c> overload.</summary>
    public static Task<TResult[]> WhenAll<TResult>(ReadOnlySpan<Task<TResult>> tasks, string callerFile, int callerLine) => WhenAll(tasks.ToArray(), callerFile, callerLine);

    /// <summary>Like <see cref="WhenAll{TResult}(Task{TResult}[], string, int)"/>.</summary>
    public static Task<TResult[]> WhenAll<TResult>(IEnumerable<Task<TResult>> tasks, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return WhenAll(tasks.ToArray(), callerFile, callerLine);
    }

    /// <summary>Done when one task is; which one finishes first is the strategy's choice.</summary>
    public static Task<Task> WhenAny(Task[] tasks, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return ControlledRuntime.Current is null ? Task.WhenAny(tasks) : TaskCombinators.WhenAny(tasks, callerFile, callerLine);
    }

    /// <summary>The <c>params ReadOnlySpan&lt;Task&gt;</c> overload of <see cref="WhenAny(Task[], string, int)"/>.</summary>
    public static Task<Task> WhenAny(ReadOnlySpan<Task> tasks, string callerFile, int callerLine) => WhenAny(tasks.ToArray(), callerFile, callerLine);

    /// <summary>The two-task overload of <see cref="WhenAny(Task[], string, int)"/>.</summary>
    public static Task<Task> WhenAny(Task task1, Task task2, string callerFile, int callerLine) => WhenAny([task1, task2], callerFile, callerLine);

    /// <summary>Like <see cref="WhenAny(Task[], string, int)"/>.</summary>
    public static Task<Task> WhenAny(IEnumerable<Task> tasks, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return WhenAny(tasks.ToArray(), callerFile, callerLine);
    }

    /// <summary>Reading <c>task.Exception</c> observes a fault, as it does for .NET's unobserved-exception check.</summary>
    public static AggregateException? get_Exception(Task task, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (ControlledRuntime.Current is { } runtime) TaskObservations.Observed(runtime, task);
        return task.Exception;
    }

    /// <summary><c>await task</c>: a scheduling point that reads whether the task is done; if not, the method suspends (see <see cref="Awaits"/>).</summary>
    public static TaskAwaiter GetAwaiter(Task task, string callerFile, int callerLine)
    {
        Awaits.Await(task, callerFile, callerLine);
        return task.GetAwaiter();
    }

    /// <summary><c>await task.ConfigureAwait(...)</c>: the same as await (there is no context to return to under the engine).</summary>
    public static ConfiguredTaskAwaitable ConfigureAwait(Task task, bool continueOnCapturedContext, string callerFile, int callerLine)
    {
        Awaits.Await(task, callerFile, callerLine, continueOnCapturedContext);
        return task.ConfigureAwait(continueOnCapturedContext);
    }

    /// <summary>Like <see cref="ConfigureAwait(Task, bool, string, int)"/>.</summary>
    public static ConfiguredTaskAwaitable ConfigureAwait(Task task, ConfigureAwaitOptions options, string callerFile, int callerLine)
    {
        Awaits.Await(task, callerFile, callerLine, options.HasFlag(ConfigureAwaitOptions.ContinueOnCapturedContext));
        return task.ConfigureAwait(options);
    }

    /// <summary>Waits (a controlled wait) for the async function's task, then takes its outcome as the operation's.</summary>
    private static void Unwrap(Task inner, string file, int line)
    {
        Awaits.Wait(inner, "Task.Run", Timeout.Infinite, file, line);
        inner.GetAwaiter().GetResult();
    }

    internal static bool Join(TaskModel model, string primitive, int millisecondsTimeout, string file, int line) =>
        model.Join(model.Operation!.Runtime, primitive, millisecondsTimeout, file, line);
}
