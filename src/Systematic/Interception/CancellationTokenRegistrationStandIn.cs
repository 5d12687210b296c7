using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="CancellationTokenRegistration"/>. Inside an exploration Dispose and Unregister of a
/// registration made there are steps: Dispose waits (a controlled wait) while the callback runs in another operation,
/// as the real one does; Unregister never waits. Neither runs a callback that has not started.
/// </summary>
[InterceptsType("System.Threading.CancellationTokenRegistration")]
public static class CancellationTokenRegistrationStandIn
{
    /// <summary>Unregisters the callback, first waiting for it to finish if it is running on another thread.</summary>
    public static void Dispose(ref CancellationTokenRegistration registration, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is { } runtime && CancellationCallbackModel.Find(runtime, registration) is { } model)
        {
            model.Dispose(runtime.Enter("CancellationTokenRegistration.Dispose"), registration, callerFile, callerLine);
            return;
        }
        registration.Dispose();
    }

    /// <summary>Unregisters the callback without waiting; true if it had not started, so it never will.</summary>
    public static bool Unregister(ref CancellationTokenRegistration registration, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is { } runtime && CancellationCallbackModel.Find(runtime, registration) is { } model)
            return model.Unregister(runtime.Enter("CancellationTokenRegistration.Unregister"), registration, callerFile, callerLine);
        return registration.Unregister();
    }
}
