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
public sealed record ExplorationOverrides(
    StrategyKind? Strategy, int? Iterations, ulong? Seed, int? MaxSteps, TimeSpan? TimeLimit, int? PreemptionBound, string? TraceDirectory)
{
    /// <summary>The scenario's budget with these overrides applied; throws <see cref="UsageException"/> for values the engine rejects.</summary>
    public ExplorationOptions For(IScenario scenario)
    {
        ExplorationOptions options = scenario.Budget;
        if (Strategy is { } strategy) options = options.WithStrategy(strategy);
        if (Iterations is { } iterations) options = options.WithIterations(iterations);
        if (Seed is { } seed) options = options.WithSeed(seed);
        if (MaxSteps is { } maxSteps) options = options.WithMaxSteps(maxSteps);
        if (TimeLimit is { } limit) options = options.WithTimeLimit(limit);
        if (options.Strategy == StrategyKind.Dfs) options = options.WithPreemptionBound(PreemptionBound ?? options.PreemptionBound ?? scenario.FixedDfsPreemptionBound);
        if (TraceDirectory is { } directory) options = options.WithTraceDirectory(Path.GetFullPath(directory));
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
}
