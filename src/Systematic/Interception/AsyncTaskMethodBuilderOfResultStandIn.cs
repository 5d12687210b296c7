using System.Runtime.CompilerServices;
using Lab.Systematic.Async;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for the builder of <c>async Task&lt;T&gt;</c> methods where their state machines suspend and complete. Inside an
/// exploration an await that suspends hands the real builder a <see cref="ContinuationOperation"/>, so the state
/// machine is boxed as usual but its continuation is a controlled operation; completing the method's task releases
/// what the method did to whoever awaits it.
/// </summary>
[InterceptsType("System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1")]
public static class AsyncTaskMethodBuilderOfResultStandIn
{
    /// <summary>The state machine suspends on <paramref name="awaiter"/>; its continuation is scheduled by the engine.</summary>
    public static void AwaitUnsafeOnCompleted<TResult, TAwaiter, TStateMachine>(ref AsyncTaskMethodBuilder<TResult> builder, ref TAwaiter awaiter, ref TStateMachine stateMachine,
        string callerFile, int callerLine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }
        Suspend<TResult, TAwaiter, TStateMachine>(runtime, ref builder, ref stateMachine, callerFile, callerLine);
    }

    /// <summary>Like <see cref="AwaitUnsafeOnCompleted{TResult, TAwaiter, TStateMachine}"/>, for awaiters that flow the execution context themselves.</summary>
    public static void AwaitOnCompleted<TResult, TAwaiter, TStateMachine>(ref AsyncTaskMethodBuilder<TResult> builder, ref TAwaiter awaiter, ref TStateMachine stateMachine,
        string callerFile, int callerLine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }
        Suspend<TResult, TAwaiter, TStateMachine>(runtime, ref builder, ref stateMachine, callerFile, callerLine);
    }

    /// <summary>Inside an exploration, for either kind of awaiter: the continuation becomes a controlled operation the engine schedules.</summary>
    private static void Suspend<TResult, TAwaiter, TStateMachine>(ControlledRuntime runtime, ref AsyncTaskMethodBuilder<TResult> builder, ref TStateMachine stateMachine, string callerFile, int callerLine)
        where TStateMachine : IAsyncStateMachine
    {
        ContinuationOperation.Plan plan = Awaits.Suspend<TAwaiter, TStateMachine>(runtime, callerFile, callerLine);
        var continuation = new ContinuationOperation(plan);
        builder.AwaitUnsafeOnCompleted(ref continuation, ref stateMachine);
        Awaits.Suspended<TStateMachine>(runtime, builder.Task, plan);
    }

    /// <summary>The method returned: its task completes (awaiters of it see everything the method did).</summary>
    public static void SetResult<TResult>(ref AsyncTaskMethodBuilder<TResult> builder, TResult result, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not null) Awaits.Completing(builder.Task);
        builder.SetResult(result);
    }

    /// <summary>The method threw: its task faults (or is cancelled), as the real builder does.</summary>
    public static void SetException<TResult>(ref AsyncTaskMethodBuilder<TResult> builder, Exception exception, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not null)
        {
            Awaits.Completing(builder.Task);
            Awaits.Faulting(builder.Task, exception);
        }
        builder.SetException(exception);
    }
}
