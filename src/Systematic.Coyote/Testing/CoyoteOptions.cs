using Microsoft.Coyote;

namespace Lab.Systematic.Coyote.Testing;

/// <summary>
/// The stated configuration of a Coyote exploration, immutable: each <c>With*</c> returns a changed copy. Telemetry is
/// always off and the console logger always silent; they are not options.
/// </summary>
public sealed record CoyoteOptions
{
    /// <summary>Coyote's defaults, except iterations (1,000 rather than Coyote's 1).</summary>
    public static CoyoteOptions Default { get; } = new();

    /// <summary>The strategy (default <see cref="CoyoteStrategy.Portfolio"/>, Coyote's own default).</summary>
    public CoyoteStrategy Strategy { get; init; } = CoyoteStrategy.Portfolio;

    /// <summary>The bound of PCT and delay-bounding strategies, or the probabilistic strategy's 1/p (default 10, Coyote's).</summary>
    public int StrategyBound { get; init; } = 10;

    /// <summary>How many iterations at most (default 1,000); the run stops at the first bug.</summary>
    public int Iterations { get; init; } = 1_000;

    /// <summary>The random seed (default 0), so every run is reproducible.</summary>
    public uint Seed { get; init; }

    /// <summary>The step bound of an iteration; null keeps Coyote's (10,000 unfair, 100,000 fair).</summary>
    public int? MaxSteps { get; init; }

    /// <summary>How many steps a monitor may stay hot on a fair iteration; null keeps Coyote's (half the fair step bound).</summary>
    public int? LivenessTemperatureThreshold { get; init; }

    /// <summary>
    /// How long nothing may move before Coyote's timer reports a "potential deadlock or hang" (uncontrolled blocking, e.g.
    /// ManualResetEventSlim); null keeps Coyote's 1,000 ms.
    /// </summary>
    public int? DeadlockTimeoutMilliseconds { get; init; }

    /// <summary>Whether plain instance-field loads and stores are scheduling points (Coyote's memory-access mode; default off).</summary>
    public bool MemoryAccessRaces { get; init; }

    /// <summary>Where found traces are written (default: lab-traces in the temp folder, beside the lab's own traces).</summary>
    public string? TraceDirectory { get; init; }

    /// <summary>Returns a copy with another strategy and bound.</summary>
    public CoyoteOptions WithStrategy(CoyoteStrategy strategy, int bound = 10) => this with { Strategy = strategy, StrategyBound = Positive(bound, nameof(bound)) };

    /// <summary>Returns a copy with another iteration budget.</summary>
    public CoyoteOptions WithIterations(int iterations) => this with { Iterations = Positive(iterations, nameof(iterations)) };

    /// <summary>Returns a copy with another seed.</summary>
    public CoyoteOptions WithSeed(uint seed) => this with { Seed = seed };

    /// <summary>Returns a copy with another step bound (both fair and unfair iterations).</summary>
    public CoyoteOptions WithMaxSteps(int maxSteps) => this with { MaxSteps = Positive(maxSteps, nameof(maxSteps)) };

    /// <summary>Returns a copy with another liveness temperature threshold.</summary>
    public CoyoteOptions WithLivenessTemperatureThreshold(int steps) => this with { LivenessTemperatureThreshold = Positive(steps, nameof(steps)) };

    /// <summary>Returns a copy with another timer for potential deadlocks.</summary>
    public CoyoteOptions WithDeadlockTimeout(int milliseconds) => this with { DeadlockTimeoutMilliseconds = Positive(milliseconds, nameof(milliseconds)) };

    /// <summary>Returns a copy with memory-access mode on or off.</summary>
    public CoyoteOptions WithMemoryAccessRaces(bool enabled = true) => this with { MemoryAccessRaces = enabled };

    /// <summary>Returns a copy that writes traces to <paramref name="directory"/>.</summary>
    public CoyoteOptions WithTraceDirectory(string directory) => this with { TraceDirectory = directory };

    /// <summary>The folder traces go to.</summary>
    public string ResolvedTraceDirectory => TraceDirectory ?? Path.Combine(Path.GetTempPath(), "lab-traces");

    /// <summary>One line for reports: "coyote random, seed 3, 1000 iterations, max steps 600, liveness 150, memory-access".</summary>
    public string Describe()
    {
        string strategy = Strategy switch
        {
            CoyoteStrategy.Portfolio => "portfolio",
            CoyoteStrategy.Random => "random",
            _ => $"{Strategy.ToString().ToLowerInvariant()}({StrategyBound})",
        };
        string text = $"coyote {strategy}, seed {Seed}, {Iterations} iterations";
        if (MaxSteps is { } steps) text += $", max steps {steps}";
        if (LivenessTemperatureThreshold is { } threshold) text += $", liveness threshold {threshold}";
        if (MemoryAccessRaces) text += ", memory-access races";
        if (DeadlockTimeoutMilliseconds is { } timeout) text += $", deadlock timeout {timeout} ms";
        return text;
    }

    /// <summary>Coyote's configuration for an exploration (or, with <paramref name="trace"/>, a replay) under these options.</summary>
    internal Configuration ToConfiguration(string? trace = null)
    {
        Configuration configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithConsoleLoggingEnabled(false)
            .WithTestingIterations((uint)Iterations)
            .WithRandomGeneratorSeed(Seed)
            .WithMemoryAccessRaceCheckingEnabled(MemoryAccessRaces);
        if (MaxSteps is { } steps) configuration = configuration.WithMaxSchedulingSteps((uint)steps, (uint)steps);
        if (LivenessTemperatureThreshold is { } threshold) configuration = configuration.WithLivenessTemperatureThreshold((uint)threshold);
        if (DeadlockTimeoutMilliseconds is { } timeout) configuration = configuration.WithDeadlockTimeout((uint)timeout);
        configuration = Strategy switch
        {
            CoyoteStrategy.Portfolio => configuration,
            CoyoteStrategy.Random => configuration.WithRandomStrategy(),
            CoyoteStrategy.Probabilistic => configuration.WithProbabilisticStrategy((uint)StrategyBound),
            CoyoteStrategy.Pct => configuration.WithPrioritizationStrategy(false, (uint)StrategyBound),
            CoyoteStrategy.FairPct => configuration.WithPrioritizationStrategy(true, (uint)StrategyBound),
            CoyoteStrategy.DelayBounding => configuration.WithDelayBoundingStrategy(false, (uint)StrategyBound),
            CoyoteStrategy.FairDelayBounding => configuration.WithDelayBoundingStrategy(true, (uint)StrategyBound),
            _ => throw new ArgumentOutOfRangeException(nameof(Strategy), Strategy, null),
        };
        return trace is null ? configuration : configuration.WithTestingIterations(1).WithReproducibleTrace(trace);
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "must be at least 1");
}
