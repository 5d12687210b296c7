using System.CommandLine;
using Lab.Cli.Coyote;
using Lab.Cli.Scenarios;
using Lab.Cli.Terminal;
using Lab.Scenarios;
using Lab.Scenarios.Stress;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Cli.Commands;

/// <summary>
/// <c>lab explore &lt;id&gt;</c>: explores one variant of a scenario and, on a bug, shows the interleaving, the trace
/// path and the replay command. Exit code 0 no bug, 2 bug found, 1 usage error.
/// </summary>
public static class ExploreCommand
{
    /// <summary>How long a stress-only scenario runs for real when no --time-limit is given.</summary>
    public static readonly TimeSpan DefaultStressBudget = TimeSpan.FromSeconds(2);

    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var id = new Argument<string>("id") { Description = "The scenario id (see 'lab list'), e.g. races/lost-update; the part after '/' is enough when unique." };
        var variant = new Option<Variant>("--variant") { Description = "Which implementation to explore.", DefaultValueFactory = _ => Variant.Buggy };
        var strategy = new Option<StrategyKind?>("--strategy") { Description = "random, pct, fair, dfs, dpor or portfolio (default: the scenario's budget, portfolio)." };
        var iterations = new Option<int?>("--iterations") { Description = "Iterations to run at most (default: the scenario's budget)." };
        var seed = new Option<ulong?>("--seed") { Description = "The seed every random choice derives from (default 0)." };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Steps after which an iteration is cut off." };
        var timeLimit = Duration.Option("--time-limit", "Wall-clock budget for the exploration, e.g. 30s.");
        var preemptionBound = new Option<int?>("--preemption-bound") { Description = "For --strategy dfs or dpor: the most preemptions per schedule." };
        var traceDirectory = new Option<string?>("--trace-dir") { Description = "Where to write the failing trace (default: lab-traces in the temp folder)." };
        var steps = new Option<bool>("--steps") { Description = "Print every step of the interleaving, not just its first and last rows." };
        var parallel = new Option<int?>("--parallel") { Description = "Iterations run at once (default: one per core; DFS runs on one). The bug found does not depend on it." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of n (i/n, from 0), to split a large exploration across machines." };
        var html = new Option<string?>("--html") { Description = "Also write the failing schedule as an HTML timeline to this file." };
        var engine = new Option<EngineChoice>("--engine") { Description = "lab (default) or coyote: Microsoft Coyote 1.7.11 with the scenario's stated Coyote configuration.", DefaultValueFactory = _ => EngineChoice.Lab };
        var command = new Command("explore", "Explore a scenario's interleavings until a bug or the budget; print the interleaving and how to replay it.")
        {
            id, variant, strategy, iterations, seed, maxSteps, timeLimit, preemptionBound, traceDirectory, steps, parallel, shard, html, engine,
        };
        CommandAction.Set(command, console, parse =>
        {
            IScenario scenario = ScenarioLookup.Resolve(parse.GetRequiredValue(id));
            switch (parse.GetValue(engine))
            {
                case EngineChoice.Coyote:
                    return CoyoteRuns.Explore(console, scenario, parse.GetValue(variant), CoyoteRuns.Options(scenario,
                        parse.GetValue(strategy), parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(maxSteps), parse.GetValue(traceDirectory)));
                case EngineChoice.Both:
                    throw new UsageException("explore runs one engine: --engine lab or --engine coyote (tour --engine both shows them side by side)");
            }
            var overrides = new ExplorationOverrides(parse.GetValue(strategy), parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(maxSteps),
                parse.GetValue(timeLimit), parse.GetValue(preemptionBound), parse.GetValue(traceDirectory), parse.GetValue(parallel), parse.GetValue(shard));
            ExplorationOptions options = overrides.For(scenario);
            if (parse.GetValue(traceDirectory) is { } traceFolder) OutputPath.WritableDirectory(traceFolder, "--trace-dir");
            Variant chosen = parse.GetValue(variant);
            return scenario.IsSystematic
                ? Explore(console, scenario, chosen, options, parse.GetValue(steps), parse.GetValue(html) is { } page ? OutputPath.WritableFile(page, "--html") : null)
                : Stress(console, scenario, chosen, parse.GetValue(timeLimit) ?? DefaultStressBudget);
        });
        return command;
    }

    /// <summary>Explores and prints the outcome; returns the exit code.</summary>
    public static int Explore(LabConsole console, IScenario scenario, Variant variant, ExplorationOptions options, bool allSteps, string? htmlPath = null)
    {
        TestSubject subject = TestSubject.For(scenario, variant);
        console.Line($"Exploring {subject.TestName}: {scenario.Title}");
        string shard = options.ShardCount > 1 ? $", shard {options.ShardIndex}/{options.ShardCount}" : "";
        console.Line($"  strategy {options.Strategy.ToString().ToLowerInvariant()}, at most {options.Iterations} iterations of {options.MaxSteps} steps, " +
                     $"seed {options.Seed}, {options.Parallelism} worker(s){shard}");
        TestReport report = ProgressDisplay.Run(console, subject.TestName, update => TestingEngine.Explore(
            subject.TestName, scenario.Harness(scenario.Factory(variant)), options, ExplorationProgressAdapter.For(update)));
        console.Line();
        ReportView.Exploration(console, scenario, variant, report, allSteps);
        if (htmlPath is not null && report.Trace is { } trace) console.Line($"timeline: {HtmlTimeline.Save(trace, htmlPath, variant == Variant.Buggy ? new TimelinePageNotes(scenario.BugExplanation, scenario.FixExplanation) : null)}");
        return report.IsBugFree ? ExitCodes.Success : ExitCodes.BugFound;
    }

    /// <summary>Runs a stress-only scenario for real, since systematic exploration cannot show its bug.</summary>
    public static int Stress(LabConsole console, IScenario scenario, Variant variant, TimeSpan budget)
    {
        console.Line($"{scenario.Id} is stress-only: exploration assumes sequential consistency and cannot produce this bug.");
        console.Line($"Running the {variant.ToString().ToLowerInvariant()} variant for real, on real threads, for {budget.TotalSeconds:0.#} s.");
        StressResult result = StressRunner.Run(scenario, variant, budget);
        console.Line(result.Summary);
        console.Line();
        console.Line(scenario.BugExplanation);
        return result.SawBug ? ExitCodes.BugFound : ExitCodes.Success;
    }
}
