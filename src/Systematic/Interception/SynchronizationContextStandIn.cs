using Lab.Systematic.Async;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="SynchronizationContext"/>.SetSynchronizationContext: inside an exploration the context is
/// single-threaded (see <see cref="SynchronizationContextModel"/>), and awaits that capture it resume on it.
/// </summary>
[InterceptsType("System.Threading.SynchronizationContext")]
public static class SynchronizationContextStandIn
{
    /// <summary>Installs <paramref name="syncContext"/> on the calling thread; inside an exploration the calling operation runs on it.</summary>
    public static void SetSynchronizationContext(SynchronizationContext? syncContext, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is { } runtime)
        {
            ControlledOperation operation = runtime.Enter("SynchronizationContext.SetSynchronizationContext");
            SynchronizationContextModel.Install(runtime, operation, syncContext);
        }
        SynchronizationContext.SetSynchronizationContext(syncContext);
    }
}
