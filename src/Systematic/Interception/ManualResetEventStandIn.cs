using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for the <see cref="ManualResetEvent"/> constructor (its Set, Reset and WaitOne are inherited).</summary>
[InterceptsType("System.Threading.ManualResetEvent")]
public static class ManualResetEventStandIn
{
    /// <summary>Creates the event; inside an exploration it is a controlled event named by the field or local it is stored in.</summary>
    public static ManualResetEvent New(bool initialState, string callerFile, int callerLine, string? resourceName) =>
        WaitHandleModels.Track(new ManualResetEvent(initialState), () => new Controlled.ManualResetEventSlim(initialState, resourceName ?? "ManualResetEvent"));
}
