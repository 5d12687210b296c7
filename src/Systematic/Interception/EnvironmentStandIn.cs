
namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="Environment"/>'s tick counts: inside an exploration they read virtual time.</summary>
[InterceptsType("System.Environment")]
public static class EnvironmentStandIn
{
    /// <summary>Milliseconds since a virtual boot, an hour before the epoch.</summary>
    public static int get_TickCount(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? unchecked((int)VirtualMilliseconds(clock)) : Environment.TickCount;

    /// <summary>Milliseconds since a virtual boot, an hour before the epoch.</summary>
    public static long get_TickCount64(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? VirtualMilliseconds(clock) : Environment.TickCount64;

    private static long VirtualMilliseconds(VirtualTime clock) => VirtualTime.TickCountAtEpoch + clock.Elapsed / TimeSpan.TicksPerMillisecond;
}
