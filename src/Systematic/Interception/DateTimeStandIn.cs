
namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="DateTime"/>'s clock: inside an exploration it reads virtual time (see <see cref="VirtualTime"/>).</summary>
[InterceptsType("System.DateTime")]
public static class DateTimeStandIn
{
    /// <summary>The virtual epoch plus the virtual time elapsed, in UTC.</summary>
    public static DateTime get_UtcNow(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? VirtualTime.Epoch.AddTicks(clock.Elapsed) : DateTime.UtcNow;

    /// <summary>Like <see cref="get_UtcNow"/>, as local time; inside an exploration the local zone is UTC, so runs do not depend on the machine.</summary>
    public static DateTime get_Now(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? DateTime.SpecifyKind(VirtualTime.Epoch.AddTicks(clock.Elapsed), DateTimeKind.Local) : DateTime.Now;

    /// <summary>The date of <see cref="get_Now"/>.</summary>
    public static DateTime get_Today(string callerFile, int callerLine) =>
        VirtualTime.Current is not null ? get_Now(callerFile, callerLine).Date : DateTime.Today;
}
