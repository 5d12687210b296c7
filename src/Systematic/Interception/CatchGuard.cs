using System.Runtime.ExceptionServices;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Called by rewritten code first thing in every handler that could catch the engine's
/// <see cref="ExecutionCanceledException"/> (<c>catch</c>, <c>catch (Exception)</c>, and exception filters): explored
/// code cannot swallow the unwinding of an ended iteration, so a <c>catch { }</c> around a blocking call neither keeps
/// an iteration alive nor lets code run on after its bug was recorded. Every other exception is left to the handler.
/// </summary>
public static class CatchGuard
{
    /// <summary>Rethrows <paramref name="caught"/> when it is the engine's cancellation; otherwise returns at once.</summary>
    public static void RethrowIfCanceled(object caught)
    {
        if (caught is ExecutionCanceledException canceled) ExceptionDispatchInfo.Capture(canceled).Throw();
    }
}
