using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for the checks on <see cref="CancellationToken"/>: inside an exploration each is a step that reads the token.</summary>
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
}
