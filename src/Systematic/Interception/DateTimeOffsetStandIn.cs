
namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="DateTimeOffset"/>'s clock: inside an exploration it reads virtual time at offset zero.</summary>
[InterceptsType("System.DateTimeOffset")]
public static class DateTimeOffsetStandIn
{
    /// <summary>The virtual time in UTC.</summary>
    public static DateTimeOffset get_UtcNow(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? new DateTimeOffset(VirtualTime.Epoch.AddTicks(clock.Elapsed)) : DateTimeOffset.UtcNow;

    /// <summary>The virtual time at offset zero.</summary>
    public static DateTimeOffset get_Now(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? new DateTimeOffset(VirtualTime.Epoch.AddTicks(clock.Elapsed)) : DateTimeOffset.Now;
}
