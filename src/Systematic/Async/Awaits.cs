using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// The controlled half of <c>await</c> and of waiting on tasks. An await is a scheduling point that reads whether the
/// awaitable is done; an unfinished one suspends the async method, and its continuation becomes a controlled operation
/// blocked until the awaitable completes (see <see cref="ContinuationOperation"/>). Every task an exploration can wait
/// for is one controlled code completes: Task.Run's, an async method's, a TaskCompletionSource's, a combinator's.
/// </summary>
internal static class Awaits
{
    /// <summary>The await noted by GetAwaiter for the builder call that follows it on the same thread.</summary>
    [ThreadStatic] private static PendingAwait? t_pending;

    private static readonly IWaitResource s_yield = new YieldResource();

    /// <summary>
    /// <c>await task</c> (GetAwaiter, ConfigureAwait): a scheduling point, then the read of the task's state. A done
    /// task is observed at once; an unfinished one is noted for the suspension. Does nothing outside an exploration.
    /// </summary>
    public static void Await(Task task, string file, int line, bool continueOnCapturedContext = true)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (ControlledRuntime.Current is not { } runtime) return;
        ControlledOperation operation = runtime.Enter("await");
        runtime.SchedulingPoint(operation);
        IWaitResource resource = ResourceOf(runtime, operation, task, "await", file, line);
        if (task.IsCompleted)
        {
            Observe(runtime, operation, task);
            runtime.Record(operation, "await", resource.Name, file, line);
            return;
        }
        t_pending = new PendingAwait(operation, operation.StepsTaken, resource, task, () => task.IsCompleted, continueOnCapturedContext);
    }

    /// <summary><c>await Task.Yield()</c>: always suspends; its continuation may run at once or after anything else.</summary>
    public static void Yield()
    {
        if (ControlledRuntime.Current is not { } runtime) return;
        ControlledOperation operation = runtime.Enter("Task.Yield");
        t_pending = new PendingAwait(operation, operation.StepsTaken, s_yield, null, static () => true);
    }

    /// <summary>
    /// The builder's AwaitUnsafeOnCompleted inside an exploration: the awaiter that schedules the continuation as a
    /// controlled operation. An await the engine did not see coming (a custom awaitable) is reported, never left to run
    /// on the real thread pool.
    /// </summary>
    public static ContinuationOperation.Plan Suspend<TAwaiter, TStateMachine>(ControlledRuntime runtime, string file, int line)
    {
        ControlledOperation operation = runtime.Enter("await");
        PendingAwait? pending = t_pending;
        t_pending = null;
        if (pending is null || pending.Operation != operation || pending.StepsTaken != operation.StepsTaken)
        {
            string location = SourceLocation.Format(file, line);
            throw runtime.Fail(new BugReport(BugKind.UncontrolledConcurrency,
                $"await at {location} on a {typeof(TAwaiter).Name} is not controlled: await tasks, Task.Yield() or the controlled " +
                "primitives' async forms inside an exploration, so the continuation is a step the engine schedules.",
                operation.Name, location));
        }
        runtime.Record(operation, "await suspends", pending.Resource.Name, file, line);
        SynchronizationContextModel? context = pending.ContinueOnCapturedContext ? SynchronizationContextModel.Current(runtime) : null;
        // .NET posts the continuation of an await that captured a SynchronizationContext of its own; any other it may inline.
        bool capturesContext = pending.ContinueOnCapturedContext && SynchronizationContext.Current is { } captured && captured.GetType() != typeof(SynchronizationContext);
        return new ContinuationOperation.Plan(operation, pending, context, !capturesContext, MethodName(typeof(TStateMachine)), file, line);
    }

    /// <summary>
    /// After the real builder scheduled the continuation: names the async method's own task (its box) and notes which
    /// operation will complete it, so an await on it, or a deadlock through it, can be told in words.
    /// </summary>
    public static void Suspended<TStateMachine>(ControlledRuntime runtime, Task methodTask, ContinuationOperation.Plan plan)
    {
        if (ObjectModels.Find<AwaitedTask>(runtime, methodTask) is not { } model)
        {
            model = new AwaitedTask(methodTask, MethodName(typeof(TStateMachine)) ?? "async method");
            ObjectModels.Add(runtime, methodTask, model);
        }
        model.Carrier = plan.Created;
    }

    /// <summary>Called just before controlled code completes <paramref name="task"/>: whoever sees it done sees what came before.</summary>
    public static void Completing(Task task)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return;
        if (ObjectModels.Find<AwaitedTask>(operation.Runtime, task) is { } model) operation.Runtime.Races?.Release(operation, model.Completion);
    }

    /// <summary>The happens-before edge from a done task's completion to the operation that saw it done.</summary>
    public static void Observe(ControlledRuntime runtime, ControlledOperation operation, Task? task, bool observesOutcome = true)
    {
        if (task is null) return;
        if (observesOutcome) TaskObservations.Observed(runtime, task);
        if (runtime.Races is null) return;
        switch (ObjectModels.Find<object>(runtime, task))
        {
            case TaskModel { Operation: { } finished }:
                runtime.Races.OnJoin(operation, finished);
                break;
            case AwaitedTask awaited:
                runtime.Races.Acquire(operation, awaited.Completion);
                break;
        }
    }

    /// <summary>
    /// A blocking wait for <paramref name="task"/> (Wait, Result, GetAwaiter().GetResult(), an async test body):
    /// a scheduling point, then a controlled wait until it is done; false on time-out. Null outside an exploration.
    /// </summary>
    public static bool? Wait(Task task, string primitive, int millisecondsTimeout, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (ControlledRuntime.Current is not { } runtime) return null;
        if (ObjectModels.Find<TaskModel>(runtime, task) is { } operationTask)
        {
            bool joined = operationTask.Join(runtime, primitive, millisecondsTimeout, file, line);
            if (joined) TaskObservations.Observed(runtime, task);
            return joined;
        }
        // A done task the exploration never modelled (Task.CompletedTask, Task.FromResult) is used as it is, as before async was controlled.
        if (task.IsCompleted && ObjectModels.Find<object>(runtime, task) is null) return true;
        ControlledOperation operation = runtime.Enter(primitive);
        runtime.SchedulingPoint(operation);
        IWaitResource resource = ResourceOf(runtime, operation, task, primitive, file, line);
        bool done = runtime.WaitUntil(operation, resource, primitive, () => task.IsCompleted, millisecondsTimeout, file, line);
        if (!done)
        {
            VirtualTime.Advance(millisecondsTimeout);
            return false;
        }
        Observe(runtime, operation, task);
        runtime.Record(operation, primitive, resource.Name, file, line);
        return true;
    }

    /// <summary>The wait resource a task stands for; an unfinished task that controlled code does not complete is reported.</summary>
    public static IWaitResource ResourceOf(ControlledRuntime runtime, ControlledOperation operation, Task task, string primitive, string file, int line)
    {
        switch (ObjectModels.Find<object>(runtime, task))
        {
            case AwaitedTask awaited:
                return awaited;
            case TaskModel model:
                return model;
        }
        if (task.IsCompleted) return CompletedTask.Instance;
        string location = SourceLocation.Format(file, line);
        throw runtime.Fail(new BugReport(BugKind.UncontrolledConcurrency,
            $"{primitive} at {location} waits for a task the exploration does not control (created outside it, or by code that was " +
            "not rewritten), which would complete on the real thread pool. Create tasks inside the explored body: async methods, " +
            "Task.Run, TaskCompletionSource.", operation.Name, location));
    }

    /// <summary>An async method's task faults (its builder's SetException): noted so an exception nobody observes is reported.</summary>
    public static void Faulting(Task methodTask, Exception exception)
    {
        if (ControlledRuntime.Current is not { } runtime) return;
        string name = ObjectModels.Find<AwaitedTask>(runtime, methodTask)?.Name ?? ThrowingMethod(exception) ?? "async method";
        TaskObservations.Faulted(methodTask, name, exception);
    }

    /// <summary>The async method an exception left: the state machine whose MoveNext is the trace's outermost frame.</summary>
    public static string? ThrowingMethod(Exception exception)
    {
        System.Diagnostics.StackFrame[] frames = new System.Diagnostics.StackTrace(exception).GetFrames();
        for (int i = frames.Length - 1; i >= 0; i--)
        {
            if (frames[i].GetMethod() is { Name: "MoveNext", DeclaringType: { } type } && typeof(IAsyncStateMachine).IsAssignableFrom(type))
                return MethodName(type);
        }
        return null;
    }

    /// <summary>"FetchAsync" for the state machine <c>&lt;FetchAsync&gt;d__3</c>, the enclosing method for an async lambda.</summary>
    public static string? MethodName(Type stateMachine)
    {
        string name = stateMachine.Name;
        int open = name.IndexOf('<'), close = name.LastIndexOf('>');
        if (open != 0 || close <= open) return name;
        string method = name[1..close];
        return method.StartsWith('<') ? OperationNames.OfMethodName(method) : method;
    }

    private sealed class YieldResource : IWaitResource
    {
        public string Name => "Task.Yield";

        public IEnumerable<ControlledOperation> Holders => [];

        public string DescribeState() => "";
    }

    private sealed class CompletedTask : IWaitResource
    {
        public static readonly CompletedTask Instance = new();

        public string Name => "completed task";

        public IEnumerable<ControlledOperation> Holders => [];

        public string DescribeState() => "done";
    }
}
