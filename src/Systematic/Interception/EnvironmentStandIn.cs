using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="Environment"/>'s tick counts (inside an exploration they read virtual time) and its current
/// thread id (the operation's id + 1, as <see cref="ThreadStandIn"/> gives, so compiler-generated iterators that read it
/// behave the same on every run).
/// </summary>
[InterceptsType("System.Environment")]
public static class EnvironmentStandIn
{
    /// <summary>Milliseconds since a virtual boot, an hour before the epoch.</summary>
    public static int get_TickCount(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? unchecked((int)VirtualMilliseconds(clock)) : Environment.TickCount;

    /// <summary>Milliseconds since a virtual boot, an hour before the epoch.</summary>
    public static long get_TickCount64(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? VirtualMilliseconds(clock) : Environment.TickCount64;

    /// <summary>The current operation's id + 1 inside an exploration (main is 1); the runtime's thread id outside.</summary>
    public static int get_CurrentManagedThreadId(string callerFile, int callerLine) =>
        ControlledRuntime.CurrentOperation is { } operation ? operation.Id + 1 : Environment.CurrentManagedThreadId;

    private static long VirtualMilliseconds(VirtualTime clock) => VirtualTime.TickCountAtEpoch + clock.Elapsed / TimeSpan.TicksPerMillisecond;
}
