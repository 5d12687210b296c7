namespace Lab.Systematic.Strategies;

/// <summary>
/// Rotates through several strategies, one per iteration, so that one budget covers shallow bugs (random), deep
/// ordering bugs (PCT) and liveness bugs (fair). The default strategy of the engine.
/// </summary>
public sealed class PortfolioStrategy : ISchedulingStrategy
{
    private readonly ISchedulingStrategy[] _members;
    private ISchedulingStrategy _current;

    /// <summary>Creates a portfolio that runs <paramref name="members"/> in turn.</summary>
    public PortfolioStrategy(params ISchedulingStrategy[] members)
    {
        if (members.Length == 0) throw new ArgumentException("a portfolio needs at least one strategy", nameof(members));
        _members = members;
        _current = members[0];
    }

    /// <summary>The default portfolio: random, PCT at depths 3 and 10, and fair, each with its own seed stream.</summary>
    public static PortfolioStrategy CreateDefault(ulong seed) => new(
        new RandomStrategy(DeterministicRandom.Derive(seed, 1)),
        new PctStrategy(DeterministicRandom.Derive(seed, 2), depth: 3),
        new FairStrategy(DeterministicRandom.Derive(seed, 3)),
        new PctStrategy(DeterministicRandom.Derive(seed, 4), depth: 10));

    /// <inheritdoc />
    public string Description => "portfolio(" + string.Join(", ", _members.Select(m => m.Description)) + ")";

    /// <summary>The member that decides the current iteration.</summary>
    public ISchedulingStrategy Current => _current;

    /// <inheritdoc />
    public bool IsFair => _current.IsFair;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _current = _members[iteration % _members.Length];
        return _current.PrepareIteration(iteration / _members.Length);
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step) => _current.NextOperation(enabled, current, step);

    /// <inheritdoc />
    public bool NextBoolean(int step) => _current.NextBoolean(step);

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => _current.NextInteger(maxValue, step);

    /// <inheritdoc />
    public void CompleteIteration(int steps) => _current.CompleteIteration(steps);
}
