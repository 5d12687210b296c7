namespace Lab.Scenarios.Async;

/// <summary>
/// A scenario of the async family whose harness is an async method: <see cref="Run"/> blocks on it with
/// <c>GetAwaiter().GetResult()</c>, which the engine controls like any other wait (the harness runs on no
/// SynchronizationContext, so the block itself cannot deadlock).
/// </summary>
/// <typeparam name="TContract">The interface the harness drives.</typeparam>
/// <typeparam name="TBuggy">The implementation with the bug.</typeparam>
/// <typeparam name="TFixed">The repaired implementation.</typeparam>
public abstract class AsyncScenario<TContract, TBuggy, TFixed> : Scenario<TContract, TBuggy, TFixed>
    where TContract : class
    where TBuggy : TContract, new()
    where TFixed : TContract, new()
{
    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Async;

    /// <inheritdoc />
    protected sealed override void Run(TContract subject) => RunAsync(subject).GetAwaiter().GetResult();

    /// <summary>The harness body as async code: starts the tasks, awaits them, and checks the oracle.</summary>
    protected abstract Task RunAsync(TContract subject);
}
