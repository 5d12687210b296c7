namespace Lab.Systematic.Testing;

/// <summary>The exploration strategies an <see cref="ExplorationOptions"/> can name.</summary>
public enum StrategyKind
{
    /// <summary>Uniform random scheduling.</summary>
    Random,

    /// <summary>Probabilistic concurrency testing with <see cref="ExplorationOptions.PctDepth"/>.</summary>
    Pct,

    /// <summary>Fair scheduling (random prefix, then round-robin): the one that checks liveness.</summary>
    Fair,

    /// <summary>Exhaustive depth-first search, optionally bounded by <see cref="ExplorationOptions.PreemptionBound"/>.</summary>
    Dfs,

    /// <summary>Random, PCT and fair in turn: the default.</summary>
    Portfolio,

    /// <summary>
    /// Exhaustive up to reordering of independent steps (dynamic partial-order reduction): one schedule per
    /// Mazurkiewicz trace, optionally bounded by <see cref="ExplorationOptions.PreemptionBound"/>.
    /// </summary>
    Dpor,
}
