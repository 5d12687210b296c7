using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// A callback registered on a CancellationToken inside an exploration. .NET runs it inline in whoever cancels (or in
/// Register itself, on a token already cancelled); here each run is also a step with a scheduling point, shown as
/// "callback(token)" at the Register call's line. The registration's Dispose waits while the callback runs on another
/// thread, as the real one does, so the model is a wait resource held by the operation running the callback.
/// </summary>
internal sealed class CancellationCallbackModel(ControlledRuntime runtime, string tokenName, string file, int line) : IWaitResource
{
    private static readonly object s_key = new();

    /// <summary>The field or local the token was registered through, else "CancellationToken".</summary>
    public string TokenName { get; } = tokenName;

    public string Name => $"{TokenName}'s callback registered at {SourceLocation.Format(file, line)}";

    /// <summary>What the registering operation did before Register: it happens before the callback.</summary>
    public VectorClock Registered { get; } = new();

    /// <summary>What the callback did: it happens before a Dispose that waited for it.</summary>
    public VectorClock Finished { get; } = new();

    /// <summary>The operation running the callback now (from the scheduling point before it to its end), if any.</summary>
    public ControlledOperation? Running { get; private set; }

    public CancellationTokenRegistration Registration { get; private set; }

    public IEnumerable<ControlledOperation> Holders => Running is { } running ? [running] : [];

    public string DescribeState() => Running is { } running ? $"running in {running.Name}" : "not running";

    /// <summary>
    /// Register inside an exploration: a step, then the real registration of a callback that runs as a step of whoever
    /// cancels. A callback for a SynchronizationContext would be posted to it, which is not modelled: reported.
    /// </summary>
    public static CancellationTokenRegistration Register(ControlledRuntime runtime, CancellationToken token, Action<object?, CancellationToken> callback,
        object? state, bool useSynchronizationContext, bool flowExecutionContext, string file, int line, string? resourceName)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ControlledOperation operation = runtime.Enter("CancellationToken.Register");
        if (useSynchronizationContext && SynchronizationContext.Current is not null)
        {
            string location = SourceLocation.Format(file, line);
            throw runtime.Fail(new BugReport(BugKind.UncontrolledConcurrency,
                $"CancellationToken.Register at {location} asks for the callback to be posted to the current SynchronizationContext, which " +
                "the engine does not model: register with useSynchronizationContext: false inside an exploration.", operation.Name, location));
        }
        runtime.SchedulingPoint(operation);
        var model = new CancellationCallbackModel(runtime, resourceName ?? "CancellationToken", file, line);
        runtime.Races?.Release(operation, model.Registered);
        runtime.Record(operation, "Register", model.TokenName, file, line);
        All(runtime).Add(model);
        runtime.Register(model);
        Action<object?, CancellationToken> run = (s, t) => model.Run(callback, s, t);
        model.Registration = flowExecutionContext ? token.Register(run, state) : token.UnsafeRegister(run, state);
        return model.Registration;
    }

    /// <summary>The model of <paramref name="registration"/> in this iteration, if it was made by <see cref="Register"/>.</summary>
    public static CancellationCallbackModel? Find(ControlledRuntime runtime, CancellationTokenRegistration registration) =>
        ObjectModels.Find<List<CancellationCallbackModel>>(runtime, s_key)?.FindLast(m => m.Registration.Equals(registration));

    /// <summary>Dispose: waits (a controlled wait) while the callback runs in another operation, then unregisters.</summary>
    public void Dispose(ControlledOperation operation, CancellationTokenRegistration registration, string callerFile, int callerLine)
    {
        runtime.SchedulingPoint(operation);
        if (Running is { } running && running != operation)
            runtime.WaitUntil(operation, this, "Dispose", () => Running is null, Timeout.Infinite, callerFile, callerLine);
        runtime.Races?.Acquire(operation, Finished);
        runtime.Record(operation, "Dispose", Name, callerFile, callerLine);
        registration.Dispose();
    }

    /// <summary>Unregister: never waits; true if the callback had not started, so it never will.</summary>
    public bool Unregister(ControlledOperation operation, CancellationTokenRegistration registration, string callerFile, int callerLine)
    {
        runtime.SchedulingPoint(operation);
        bool removed = registration.Unregister();
        runtime.Record(operation, "Unregister", Name, callerFile, callerLine, removed ? 1 : 0);
        return removed;
    }

    private void Run(Action<object?, CancellationToken> callback, object? state, CancellationToken token)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation || operation.Runtime != runtime)
        {
            callback(state, token);
            return;
        }
        // Running from the scheduling point on: the real source marks the callback as executing before it calls it.
        Running = operation;
        try
        {
            runtime.SchedulingPoint(operation);
            runtime.Races?.Acquire(operation, Registered);
            runtime.Record(operation, "callback", TokenName, file, line);
            callback(state, token);
        }
        finally
        {
            Running = null;
            runtime.Races?.Release(operation, Finished);
        }
    }

    private static List<CancellationCallbackModel> All(ControlledRuntime runtime)
    {
        if (ObjectModels.Find<List<CancellationCallbackModel>>(runtime, s_key) is { } all) return all;
        all = [];
        ObjectModels.Add(runtime, s_key, all);
        return all;
    }
}
