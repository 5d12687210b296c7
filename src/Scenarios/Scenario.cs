using Lab.Systematic.Detection;
using Lab.Systematic.Testing;

namespace Lab.Scenarios;

/// <summary>
/// The common shape of a scenario: metadata, the two implementations as type parameters, and
/// <see cref="Run(TContract)"/>, the harness body written against the contract only.
/// </summary>
/// <typeparam name="TContract">The interface the harness drives.</typeparam>
/// <typeparam name="TBuggy">The implementation with the bug.</typeparam>
/// <typeparam name="TFixed">The repaired implementation.</typeparam>
public abstract class Scenario<TContract, TBuggy, TFixed> : IScenario
    where TContract : class
    where TBuggy : TContract, new()
    where TFixed : TContract, new()
{
    /// <summary>
    /// The budget most scenarios state: 200 portfolio iterations (50 per member) of at most 1,000 steps. A data race
    /// does not stop it: the race is kept as the report's first race, and exploration goes on to the failure the race
    /// leads to (the lost increment, the torn read), which is the bug each scenario documents.
    /// </summary>
    public static ExplorationOptions StandardBudget { get; } =
        ExplorationOptions.Default.WithIterations(200).WithMaxSteps(1_000).WithLivenessBound(500).WithContinueAfterDataRace(true);

    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract string Title { get; }

    /// <inheritdoc />
    public abstract HazardFamily Family { get; }

    /// <inheritdoc />
    public abstract string BugExplanation { get; }

    /// <inheritdoc />
    public abstract string FixExplanation { get; }

    /// <inheritdoc />
    public abstract BugKind ExpectedBug { get; }

    /// <summary>What the harness checks, in one line (the invariant, the liveness monitor or the bypass bound).</summary>
    public abstract string Oracle { get; }

    /// <inheritdoc />
    public virtual bool IsSystematic => true;

    /// <inheritdoc />
    public virtual ExplorationOptions Budget => StandardBudget;

    /// <inheritdoc />
    public virtual int? FixedDfsPreemptionBound => null;

    /// <inheritdoc />
    public Type Contract => typeof(TContract);

    /// <inheritdoc />
    public Type ImplementationOf(Variant variant) => variant switch
    {
        Variant.Buggy => typeof(TBuggy),
        Variant.Fixed => typeof(TFixed),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    /// <inheritdoc />
    public Func<object> Factory(Variant variant) => variant switch
    {
        Variant.Buggy => static () => new TBuggy(),
        Variant.Fixed => static () => new TFixed(),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    /// <inheritdoc />
    public Action Harness(Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return () =>
        {
            object created = factory() ?? throw new InvalidOperationException($"the factory for {Id} returned null");
            if (created is not TContract subject)
            {
                throw new InvalidCastException($"{created.GetType().FullName} does not implement {typeof(TContract).FullName}, the contract of {Id}");
            }
            Run(subject);
        };
    }

    /// <summary>The harness body: starts the threads, drives <paramref name="subject"/>, and checks the oracle.</summary>
    protected abstract void Run(TContract subject);

    /// <summary>The id.</summary>
    public override string ToString() => Id;
}
