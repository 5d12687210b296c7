using System.Runtime.CompilerServices;
using Lab.Systematic.Async;
using Lab.Systematic.Async.Streams;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for the builder of <c>async IAsyncEnumerable&lt;T&gt;</c> methods (async iterators). Inside an exploration
/// the producer runs inline in its consumer's MoveNextAsync as usual, and an await that suspends it hands the real
/// builder a <see cref="ContinuationOperation"/>, so the producer resumes as a controlled operation, never on the
/// real thread pool.
/// </summary>
[InterceptsType("System.Runtime.CompilerServices.AsyncIteratorMethodBuilder")]
public static class AsyncIteratorMethodBuilderStandIn
{
    /// <summary>Runs the producer up to its next yield or suspending await (MoveNextAsync, DisposeAsync).</summary>
    public static void MoveNext<TStateMachine>(ref AsyncIteratorMethodBuilder builder, ref TStateMachine stateMachine, string callerFile, int callerLine)
        where TStateMachine : IAsyncStateMachine
    {
        if (typeof(TStateMachine).IsValueType || ControlledRuntime.Current is not { } runtime || stateMachine is not { } iterator)
        {
            builder.MoveNext(ref stateMachine);
            return;
        }
        AsyncIteratorModel? outer = AsyncIterators.EnterInline(AsyncIterators.Of(runtime, iterator));
        try
        {
            builder.MoveNext(ref stateMachine);
        }
        finally
        {
            AsyncIterators.ExitInline(outer);
        }
    }

    /// <summary>The producer suspends on <paramref name="awaiter"/>; its continuation is scheduled by the engine.</summary>
    public static void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref AsyncIteratorMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine,
        string callerFile, int callerLine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }
        Suspend<TAwaiter, TStateMachine>(runtime, ref builder, ref stateMachine, callerFile, callerLine);
    }

    /// <summary>Like <see cref="AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}"/>, for awaiters that flow the execution context themselves.</summary>
    public static void AwaitOnCompleted<TAwaiter, TStateMachine>(ref AsyncIteratorMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine,
        string callerFile, int callerLine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }
        Suspend<TAwaiter, TStateMachine>(runtime, ref builder, ref stateMachine, callerFile, callerLine);
    }

    /// <summary>Inside an exploration, for either kind of awaiter: the continuation becomes a controlled operation, noted as the producer's.</summary>
    private static void Suspend<TAwaiter, TStateMachine>(ControlledRuntime runtime, ref AsyncIteratorMethodBuilder builder, ref TStateMachine stateMachine, string callerFile, int callerLine)
        where TStateMachine : IAsyncStateMachine
    {
        ContinuationOperation.Plan plan = Awaits.Suspend<TAwaiter, TStateMachine>(runtime, callerFile, callerLine);
        var continuation = new ContinuationOperation(plan);
        builder.AwaitUnsafeOnCompleted(ref continuation, ref stateMachine);
        if (!typeof(TStateMachine).IsValueType && stateMachine is { } iterator) AsyncIterators.Of(runtime, iterator).Suspended(runtime, plan.Created);
    }
}
