using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="ThreadPool"/>.QueueUserWorkItem: inside an exploration each work item is a controlled
/// operation (an exception it throws is reported, as the real pool would crash the process).
/// </summary>
[InterceptsType("System.Threading.ThreadPool")]
public static class ThreadPoolStandIn
{
    /// <summary>Queues <paramref name="callBack"/> with a null state.</summary>
    public static bool QueueUserWorkItem(WaitCallback callBack, string callerFile, int callerLine) =>
        QueueUserWorkItem(callBack, null, callerFile, callerLine);

    /// <summary>Queues <paramref name="callBack"/> with <paramref name="state"/>.</summary>
    public static bool QueueUserWorkItem(WaitCallback callBack, object? state, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(callBack);
        if (ControlledRuntime.Current is not { } runtime) return ThreadPool.QueueUserWorkItem(callBack, state);
        ControlledOperation caller = runtime.Enter("ThreadPool.QueueUserWorkItem");
        OperationCompletion.Start(runtime, caller, () => callBack(state), OperationNames.Of(callBack), callerFile, callerLine);
        return true;
    }

    /// <summary>Queues a typed callback with its state (where the pool runs it has no meaning inside an exploration).</summary>
    public static bool QueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(callBack);
        if (ControlledRuntime.Current is not { } runtime) return ThreadPool.QueueUserWorkItem(callBack, state, preferLocal);
        ControlledOperation caller = runtime.Enter("ThreadPool.QueueUserWorkItem");
        OperationCompletion.Start(runtime, caller, () => callBack(state), OperationNames.Of(callBack), callerFile, callerLine);
        return true;
    }
}
