using Lab.Scenarios;
using Lab.Systematic.Testing;

namespace Lab.Cli.Commands;

/// <summary>The options of an exploration from the command line: the scenario's stated budget, with what the user overrode.</summary>
/// <param name="Strategy">--strategy, or null for the budget's strategy.</param>
/// <param name="Iterations">--iterations, or null for the budget's.</param>
/// <param name="Seed">--seed, or null for the budget's.</param>
/// <param name="MaxSteps">--max-steps, or null for the budget's.</param>
/// <param name="TimeLimit">--time-limit, or null for none.</param>
/// <param name="PreemptionBound">--preemption-bound for DFS, or null for the scenario's bound for its fixed variant.</param>
/// <param name="TraceDirectory">--trace-dir, or null for the engine's default.</param>
/// <param name="Parallel">--parallel, or null for one worker per core (one for DFS, which cannot run in parallel).</param>
/// <param name="Shard">--shard i/n, or null to run every iteration here.</param>
public sealed record ExplorationOverrides(
    StrategyKind? Strategy, int? Iterations, ulong? Seed, int? MaxSteps, TimeSpan? TimeLimit, int? PreemptionBound, string? TraceDirectory,
    int? Parallel = null, string? Shard = null)
{
    /// <summary>How a trace of a scenario is replayed: by the lab's replay command, which finds the scenario from the trace.</summary>
    public const string LabReplayHint = "dotnet run --project tools/Lab -- replay \"{trace}\"";

    /// <summary>The scenario's budget with these overrides applied; throws <see cref="UsageException"/> for values the engine rejects.</summary>
    public ExplorationOptions For(IScenario scenario)
    {
        ExplorationOptions options = scenario.Budget.WithReplayHint(LabReplayHint);
        if (Strategy is { } strategy) options = options.WithStrategy(strategy);
        if (Iterations is { } iterations) options = options.WithIterations(iterations);
        if (Seed is { } seed) options = options.WithSeed(seed);
        if (MaxSteps is { } maxSteps) options = options.WithMaxSteps(maxSteps);
        if (TimeLimit is { } limit) options = options.WithTimeLimit(limit);
        if (options.Strategy == StrategyKind.Dfs) options = options.WithPreemptionBound(PreemptionBound ?? options.PreemptionBound ?? scenario.FixedDfsPreemptionBound);
        if (TraceDirectory is { } directory) options = options.WithTraceDirectory(Path.GetFullPath(directory));
        options = options.WithParallelism(Parallel ?? (options.Strategy == StrategyKind.Dfs ? 1 : Environment.ProcessorCount));
        if (Shard is not null)
        {
            (int index, int count) = ParseShard(Shard);
            options = options.WithShard(index, count);
        }
        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new UsageException(exception.Message.Split(Environment.NewLine)[0].Split(" (Parameter")[0]);
        }
        return options;
    }

    /// <summary>Reads "i/n" (shard i of n, from 0), as a CI matrix or a Kubernetes indexed Job would pass it.</summary>
    public static (int Index, int Count) ParseShard(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int index) && int.TryParse(parts[1], out int count) && count >= 1 && index >= 0 && index < count)
        {
            return (index, count);
        }
        throw new UsageException($"--shard takes i/n with 0 <= i < n (for example 0/4), not '{text}'");
    }
}
