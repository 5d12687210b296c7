using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for the checks and registrations on <see cref="CancellationToken"/>: inside an exploration each check is a
/// step that reads the token, and each Register a step whose callback runs as a step of whoever cancels (inline, as in
/// .NET), or at once on a token already cancelled.
/// </summary>
[InterceptsType("System.Threading.CancellationToken")]
public static class CancellationTokenStandIn
{
    /// <summary>Whether cancellation was requested: a step that reads it.</summary>
    public static bool get_IsCancellationRequested(ref CancellationToken token, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not { } runtime) return token.IsCancellationRequested;
        ControlledOperation operation = runtime.Enter("CancellationToken.IsCancellationRequested");
        runtime.SchedulingPoint(operation);
        bool requested = token.IsCancellationRequested;
        runtime.Record(operation, "IsCancellationRequested", "CancellationToken", callerFile, callerLine, requested ? 1 : 0);
        return requested;
    }

    /// <summary>Throws OperationCanceledException if cancellation was requested: a step that reads the token.</summary>
    public static void ThrowIfCancellationRequested(ref CancellationToken token, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is { } runtime)
        {
            ControlledOperation operation = runtime.Enter("CancellationToken.ThrowIfCancellationRequested");
            runtime.SchedulingPoint(operation);
            runtime.Record(operation, "ThrowIfCancellationRequested", "CancellationToken", callerFile, callerLine, token.IsCancellationRequested ? 1 : 0);
        }
        token.ThrowIfCancellationRequested();
    }

    /// <summary>Registers a callback run when the token is cancelled (at once if it already is).</summary>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action callback, string callerFile, int callerLine, string? resourceName) =>
        Register(ref token, callback, false, callerFile, callerLine, resourceName);

    /// <summary>Like <see cref="Register(ref CancellationToken, Action, string, int, string?)"/>; posting to a SynchronizationContext is not modelled.</summary>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action callback, bool useSynchronizationContext,
        string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.Current is not { } runtime) return token.Register(callback, useSynchronizationContext);
        ArgumentNullException.ThrowIfNull(callback);
        return CancellationCallbackModel.Register(runtime, token, (_, _) => callback(), null, useSynchronizationContext, flowExecutionContext: true,
            callerFile, callerLine, resourceName);
    }

    /// <summary>Registers a callback with its state.</summary>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?> callback, object? state, string callerFile, int callerLine,
        string? resourceName) => Register(ref token, callback, state, false, callerFile, callerLine, resourceName);

    /// <summary>Registers a callback with its state; posting to a SynchronizationContext is not modelled.</summary>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?> callback, object? state, bool useSynchronizationContext,
        string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.Current is not { } runtime) return token.Register(callback, state, useSynchronizationContext);
        ArgumentNullException.ThrowIfNull(callback);
        return CancellationCallbackModel.Register(runtime, token, (s, _) => callback(s), state, useSynchronizationContext, flowExecutionContext: true,
            callerFile, callerLine, resourceName);
    }

    /// <summary>Registers a callback that is given its state and the token.</summary>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?, CancellationToken> callback, object? state,
        string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.Current is not { } runtime) return token.Register(callback, state);
        return CancellationCallbackModel.Register(runtime, token, callback, state, false, flowExecutionContext: true, callerFile, callerLine, resourceName);
    }

    /// <summary>Registers a callback without flowing the execution context.</summary>
    public static CancellationTokenRegistration UnsafeRegister(ref CancellationToken token, Action<object?> callback, object? state,
        string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.Current is not { } runtime) return token.UnsafeRegister(callback, state);
        ArgumentNullException.ThrowIfNull(callback);
        return CancellationCallbackModel.Register(runtime, token, (s, _) => callback(s), state, false, flowExecutionContext: false, callerFile, callerLine, resourceName);
    }

    /// <summary>Registers a callback given its state and the token, without flowing the execution context.</summary>
    public static CancellationTokenRegistration UnsafeRegister(ref CancellationToken token, Action<object?, CancellationToken> callback, object? state,
        string callerFile, int callerLine, string? resourceName)
    {
        if (ControlledRuntime.Current is not { } runtime) return token.UnsafeRegister(callback, state);
        return CancellationCallbackModel.Register(runtime, token, callback, state, false, flowExecutionContext: false, callerFile, callerLine, resourceName);
    }
}
