using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for the <see cref="AutoResetEvent"/> constructor (its Set, Reset and WaitOne are inherited).</summary>
[InterceptsType("System.Threading.AutoResetEvent")]
public static class AutoResetEventStandIn
{
    /// <summary>Creates the event; inside an exploration it is a controlled event named by the field or local it is stored in.</summary>
    public static AutoResetEvent New(bool initialState, string callerFile, int callerLine, string? resourceName) =>
        WaitHandleModels.Track(new AutoResetEvent(initialState), () => new Controlled.AutoResetEvent(initialState, resourceName ?? "AutoResetEvent"));
}
