using System.Runtime.CompilerServices;
using Lab.Systematic.Async;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for the builder of <c>async void</c> methods. Their awaits are controlled like any other; an exception
/// escaping one, which would crash the real process from the thread pool, is a bug naming the method and the line.
/// </summary>
[InterceptsType("System.Runtime.CompilerServices.AsyncVoidMethodBuilder")]
public static class AsyncVoidMethodBuilderStandIn
{
    /// <summary>The state machine suspends on <paramref name="awaiter"/>; its continuation is scheduled by the engine.</summary>
    public static void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref AsyncVoidMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine,
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
    public static void AwaitOnCompleted<TAwaiter, TStateMachine>(ref AsyncVoidMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine,
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

    /// <summary>Inside an exploration, for either kind of awaiter: the continuation becomes a controlled operation the engine schedules.</summary>
    private static void Suspend<TAwaiter, TStateMachine>(ControlledRuntime runtime, ref AsyncVoidMethodBuilder builder, ref TStateMachine stateMachine, string callerFile, int callerLine)
        where TStateMachine : IAsyncStateMachine
    {
        var continuation = new ContinuationOperation(Awaits.Suspend<TAwaiter, TStateMachine>(runtime, callerFile, callerLine));
        builder.AwaitUnsafeOnCompleted(ref continuation, ref stateMachine);
    }

    /// <summary>
    /// An exception escaped the <c>async void</c> method. Outside an exploration the real builder rethrows it on the
    /// thread pool (or its SynchronizationContext); inside one that is reported: nothing can catch it.
    /// </summary>
    public static void SetException(ref AsyncVoidMethodBuilder builder, Exception exception, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (ControlledRuntime.CurrentOperation is not { } operation)
        {
            builder.SetException(exception);
            return;
        }
        if (exception is ExecutionCanceledException) throw exception;
        string method = Awaits.ThrowingMethod(exception) ?? "an async void method";
        string location = SourceLocation.Of(exception) ?? SourceLocation.Format(callerFile, callerLine);
        throw operation.Runtime.Fail(new BugReport(BugKind.UnhandledException,
            $"{exception.GetType().FullName} escaped async void {method} at {location}: {exception.Message}. Nothing can catch or await it; " +
            "in a real process it is rethrown on the thread pool and ends the process. Return Task and await it, or catch inside the method.",
            operation.Name, location, exception.ToString()));
    }
}
