namespace Lab.Systematic.Strategies;

/// <summary>
/// A seeded SplitMix64 generator: its sequence is fixed by the seed on every machine and runtime version,
/// which <see cref="System.Random"/> does not promise.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _state;

    /// <summary>Starts the sequence that <paramref name="seed"/> names.</summary>
    public DeterministicRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A uniform integer in [0, <paramref name="maxValue"/>); rejection sampling keeps it unbiased.</summary>
    public int Next(int maxValue)
    {
        if (maxValue <= 0) throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "must be positive");
        ulong bound = (ulong)maxValue;
        ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong value;
        do value = NextUInt64(); while (value >= limit);
        return (int)(value % bound);
    }

    /// <summary>A fair coin.</summary>
    public bool NextBoolean() => (NextUInt64() & 1) == 1;

    /// <summary>Derives an independent seed for a sub-stream (an iteration, a portfolio member) from a base seed.</summary>
    public static ulong Derive(ulong seed, ulong stream) => Mix(seed ^ Mix(stream + 0x632BE59BD9B4E019UL));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
