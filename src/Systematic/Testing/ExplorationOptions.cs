using Lab.Systematic.Strategies;

namespace Lab.Systematic.Testing;

/// <summary>
/// How an exploration runs. Immutable: each <c>With*</c> method returns a changed copy, so one options value can be
/// shared by parallel explorations.
/// </summary>
public sealed record ExplorationOptions
{
    /// <summary>The default options: 1,000 iterations of the portfolio strategy from seed 0.</summary>
    public static ExplorationOptions Default { get; } = new();

    /// <summary>How many iterations to run at most (default 1,000); DFS may stop earlier when its space is exhausted.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>Which strategy chooses the schedules (default <see cref="StrategyKind.Portfolio"/>).</summary>
    public StrategyKind Strategy { get; init; } = StrategyKind.Portfolio;

    /// <summary>The seed every random choice derives from (default 0): the same seed gives the same schedules.</summary>
    public ulong Seed { get; init; }

    /// <summary>Steps after which an iteration is cut off (default 10,000); on a fair schedule that is a livelock.</summary>
    public int MaxSteps { get; init; } = 10_000;

    /// <summary>Wall-clock budget for the whole exploration (default none).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The PCT bug depth d (default 3).</summary>
    public int PctDepth { get; init; } = 3;

    /// <summary>The most preemptions a DFS or DPOR schedule may contain (default none: exhaustive).</summary>
    public int? PreemptionBound { get; init; }

    /// <summary>Steps a liveness monitor may stay hot on a fair schedule before it is a bug (default 2,000).</summary>
    public int LivenessBound { get; init; } = 2_000;

    /// <summary>Whether a fair schedule that reaches <see cref="MaxSteps"/> is reported as a livelock (default true).</summary>
    public bool FairNonTerminationIsBug { get; init; } = true;

    /// <summary>Whether <c>Shared&lt;T&gt;</c> accesses are checked for happens-before data races (default true).</summary>
    public bool DetectDataRaces { get; init; } = true;

    /// <summary>How long one operation may run without reaching a scheduling point before the iteration is a hang (default 10 s).</summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where failing traces are written (default: a "lab-traces" folder in the temp directory).</summary>
    public string? TraceDirectory { get; init; }

    /// <summary>How many iterations run at once, each on its own runtime (default 1). The result does not depend on it.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>This process's share of the iterations: iteration i runs here when i % ShardCount == ShardIndex (default 0 of 1).</summary>
    public int ShardIndex { get; init; }

    /// <summary>How many shards the iterations are split into (default 1).</summary>
    public int ShardCount { get; init; } = 1;

    /// <summary>Whether a found bug's schedule is shrunk (fewest preemptions, then fewest steps) before it is shown (default true).</summary>
    public bool Minimize { get; init; } = true;

    /// <summary>How many re-runs minimisation may spend (default 200).</summary>
    public int MinimizeBudget { get; init; } = 200;

    /// <summary>
    /// The command a failure prints to replay its trace, "{trace}" standing for the trace's path (default: set
    /// <c>LAB_REPLAY</c> and run the calling test with <c>dotnet test --filter</c>). A tool with its own replay command sets it.
    /// </summary>
    public string? ReplayHint { get; init; }

    /// <summary>Returns a copy with <see cref="ReplayHint"/> set ("{trace}" stands for the trace's path; null for the default).</summary>
    public ExplorationOptions WithReplayHint(string? template) => this with { ReplayHint = template };

    /// <summary>
    /// Whether exploration goes on after a data race, looking for a stronger bug (an assertion, a deadlock) the race
    /// leads to (default false: the first data race stops it, as any other bug does).
    /// </summary>
    public bool ContinueAfterDataRace { get; init; }

    /// <summary>Returns a copy with <see cref="ContinueAfterDataRace"/> set.</summary>
    public ExplorationOptions WithContinueAfterDataRace(bool enabled) => this with { ContinueAfterDataRace = enabled };

    /// <summary>Returns a copy with <see cref="HangTimeout"/> set.</summary>
    public ExplorationOptions WithHangTimeout(TimeSpan timeout) => this with { HangTimeout = timeout };

    /// <summary>Returns a copy with <see cref="MinimizeBudget"/> set.</summary>
    public ExplorationOptions WithMinimizeBudget(int runs) => this with { MinimizeBudget = runs };

    /// <summary>Returns a copy with <see cref="FairNonTerminationIsBug"/> set.</summary>
    public ExplorationOptions WithFairNonTerminationIsBug(bool isBug) => this with { FairNonTerminationIsBug = isBug };

    /// <summary>Returns a copy with <see cref="Parallelism"/> set.</summary>
    public ExplorationOptions WithParallelism(int workers) => this with { Parallelism = workers };

    /// <summary>Returns a copy that runs shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    public ExplorationOptions WithShard(int index, int count) => this with { ShardIndex = index, ShardCount = count };

    /// <summary>Returns a copy with <see cref="Minimize"/> set.</summary>
    public ExplorationOptions WithMinimization(bool enabled) => this with { Minimize = enabled };

    /// <summary>Returns a copy with <see cref="Iterations"/> set.</summary>
    public ExplorationOptions WithIterations(int iterations) => this with { Iterations = iterations };

    /// <summary>Returns a copy with <see cref="Strategy"/> set.</summary>
    public ExplorationOptions WithStrategy(StrategyKind strategy) => this with { Strategy = strategy };

    /// <summary>Returns a copy with <see cref="Seed"/> set.</summary>
    public ExplorationOptions WithSeed(ulong seed) => this with { Seed = seed };

    /// <summary>Returns a copy with <see cref="MaxSteps"/> set.</summary>
    public ExplorationOptions WithMaxSteps(int maxSteps) => this with { MaxSteps = maxSteps };

    /// <summary>Returns a copy with <see cref="TimeLimit"/> set.</summary>
    public ExplorationOptions WithTimeLimit(TimeSpan? timeLimit) => this with { TimeLimit = timeLimit };

    /// <summary>Returns a copy with <see cref="PctDepth"/> set.</summary>
    public ExplorationOptions WithPctDepth(int depth) => this with { PctDepth = depth };

    /// <summary>Returns a copy with <see cref="PreemptionBound"/> set.</summary>
    public ExplorationOptions WithPreemptionBound(int? bound) => this with { PreemptionBound = bound };

    /// <summary>Returns a copy with <see cref="LivenessBound"/> set.</summary>
    public ExplorationOptions WithLivenessBound(int bound) => this with { LivenessBound = bound };

    /// <summary>Returns a copy with <see cref="TraceDirectory"/> set.</summary>
    public ExplorationOptions WithTraceDirectory(string? directory) => this with { TraceDirectory = directory };

    /// <summary>Returns a copy with <see cref="DetectDataRaces"/> set.</summary>
    public ExplorationOptions WithDataRaceDetection(bool enabled) => this with { DetectDataRaces = enabled };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Iterations < 1) throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "Iterations must be at least 1.");
        if (MaxSteps < 1) throw new ArgumentOutOfRangeException(nameof(MaxSteps), MaxSteps, "MaxSteps must be at least 1.");
        if (PctDepth < 1) throw new ArgumentOutOfRangeException(nameof(PctDepth), PctDepth, "PctDepth must be at least 1.");
        if (PreemptionBound < 0) throw new ArgumentOutOfRangeException(nameof(PreemptionBound), PreemptionBound, "PreemptionBound must be zero or more.");
        if (LivenessBound < 1) throw new ArgumentOutOfRangeException(nameof(LivenessBound), LivenessBound, "LivenessBound must be at least 1.");
        if (TimeLimit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeLimit), TimeLimit, "TimeLimit must be positive.");
        if (HangTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(HangTimeout), HangTimeout, "HangTimeout must be positive.");
        if (Parallelism < 1) throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "Parallelism must be at least 1.");
        if (ShardCount < 1 || ShardIndex < 0 || ShardIndex >= ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardIndex), $"{ShardIndex}/{ShardCount}", "the shard must be i/n with 0 <= i < n.");
        }
        if (Strategy == StrategyKind.Dfs && (Parallelism > 1 || ShardCount > 1))
        {
            throw new ArgumentException("DFS explores one path after another and cannot run in parallel or in shards; use Parallelism 1 and no shard.", nameof(Strategy));
        }
        if (Strategy == StrategyKind.Dpor && (Parallelism > 1 || ShardCount > 1))
        {
            throw new ArgumentException("DPOR learns from each execution where to go next and cannot run in parallel or in shards; use Parallelism 1 and no shard.", nameof(Strategy));
        }
        if (MinimizeBudget < 0) throw new ArgumentOutOfRangeException(nameof(MinimizeBudget), MinimizeBudget, "MinimizeBudget must be zero or more.");
    }

    /// <summary>Builds the strategy these options name.</summary>
    public ISchedulingStrategy CreateStrategy() => Strategy switch
    {
        StrategyKind.Random => new RandomStrategy(Seed),
        StrategyKind.Pct => new PctStrategy(Seed, PctDepth),
        StrategyKind.Fair => new FairStrategy(Seed),
        StrategyKind.Dfs => new DfsStrategy(PreemptionBound),
        StrategyKind.Dpor => new DporStrategy(PreemptionBound),
        _ => PortfolioStrategy.CreateDefault(Seed),
    };
}
