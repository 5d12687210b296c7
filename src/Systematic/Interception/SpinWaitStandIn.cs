using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="SpinWait"/> (a struct: receiver by reference). Inside an exploration SpinOnce is a
/// scheduling point, so a spin loop lets the thread it waits for run, and never sleeps for real.
/// </summary>
[InterceptsType("System.Threading.SpinWait")]
public static class SpinWaitStandIn
{
    /// <summary>One spin: a scheduling point inside an exploration (the count still advances).</summary>
    public static void SpinOnce(ref SpinWait spinner, string callerFile, int callerLine)
    {
        if (!Point("SpinWait.SpinOnce", callerFile, callerLine))
        {
            spinner.SpinOnce();
            return;
        }
        spinner.SpinOnce(sleep1Threshold: -1);
    }

    /// <summary>One spin with a sleep threshold (ignored inside an exploration, where nothing sleeps for real).</summary>
    public static void SpinOnce(ref SpinWait spinner, int sleep1Threshold, string callerFile, int callerLine)
    {
        if (!Point("SpinWait.SpinOnce", callerFile, callerLine))
        {
            spinner.SpinOnce(sleep1Threshold);
            return;
        }
        spinner.SpinOnce(sleep1Threshold: -1);
    }

    /// <summary>Spins until the condition holds, each check after the first a scheduling point inside an exploration.</summary>
    public static void SpinUntil(Func<bool> condition, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (ControlledRuntime.CurrentOperation is null)
        {
            SpinWait.SpinUntil(condition);
            return;
        }
        while (!condition()) Point("SpinWait.SpinUntil", callerFile, callerLine);
    }

    /// <summary>Spins until the condition holds or the timeout elapses; under exploration giving up is a choice after each failed check.</summary>
    public static bool SpinUntil(Func<bool> condition, int millisecondsTimeout, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (ControlledRuntime.CurrentOperation is not { } operation) return SpinWait.SpinUntil(condition, millisecondsTimeout);
        ControlledRuntime.CheckTimeout(millisecondsTimeout);
        while (!condition())
        {
            if (millisecondsTimeout == 0 || (millisecondsTimeout != Timeout.Infinite && operation.Runtime.ChooseBoolean(operation)))
            {
                VirtualTime.Advance(millisecondsTimeout);
                return false;
            }
            Point("SpinWait.SpinUntil", callerFile, callerLine);
        }
        return true;
    }

    /// <summary>A scheduling point and a "SpinOnce" step inside an exploration; false outside one.</summary>
    private static bool Point(string primitive, string file, int line)
    {
        if (ControlledRuntime.Current is not { } runtime) return false;
        ControlledOperation operation = runtime.Enter(primitive);
        runtime.SchedulingPoint(operation);
        runtime.Record(operation, "SpinOnce", null, file, line);
        return true;
    }
}
