namespace Lab.Systematic.Coyote.Testing;

/// <summary>The public Coyote 1.7.11 strategies the adapter offers (DFS and an explicit portfolio are internal there).</summary>
public enum CoyoteStrategy
{
    /// <summary>Coyote's default: a fair portfolio that cycles random, probabilistic, fair PCT and fair delay-bounding per iteration.</summary>
    Portfolio,

    /// <summary>A uniformly random choice at every scheduling point.</summary>
    Random,

    /// <summary>Random, but switches only with probability 1/bound at each point.</summary>
    Probabilistic,

    /// <summary>Probabilistic concurrency testing with <c>bound</c> priority changes (unfair).</summary>
    Pct,

    /// <summary>PCT for a prefix, then fair random (the only form that can report liveness bugs).</summary>
    FairPct,

    /// <summary>Delay-bounding with <c>bound</c> delays (unfair).</summary>
    DelayBounding,

    /// <summary>Delay-bounding for a prefix, then fair random.</summary>
    FairDelayBounding,
}
