namespace Lab.Systematic.Strategies;

/// <summary>Uniform random choice at every step: cheap, and good at shallow bugs.</summary>
public sealed class RandomStrategy(ulong seed) : ISchedulingStrategy
{
    private DeterministicRandom _random = new(seed);

    /// <inheritdoc />
    public string Description => "random";

    /// <inheritdoc />
    public bool IsFair => false;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _random = new DeterministicRandom(DeterministicRandom.Derive(seed, (ulong)iteration));
        return true;
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step) => enabled[_random.Next(enabled.Count)];

    /// <inheritdoc />
    public bool NextBoolean(int step) => _random.NextBoolean();

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => _random.Next(maxValue);
}
