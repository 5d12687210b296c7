using System.Diagnostics;
using Lab.Cli.Scenarios;
using Lab.Scenarios;
using Lab.Scenarios.Stress;
using Lab.Systematic.Testing;

namespace Lab.Cli.Tour;

/// <summary>
/// The checks of the tour: each scenario's buggy variant explored under its stated budget (stopping at the first
/// bug), and its fixed variant explored under the same budget and then verified by DPOR within its stated bound.
/// Explorations hold no shared state, so scenarios run in parallel, one per core.
/// </summary>
public static class TourRunner
{
    /// <summary>How long each variant of a stress-only scenario runs for real.</summary>
    public static readonly TimeSpan StressBudget = TimeSpan.FromSeconds(1);

    /// <summary>The most interleavings the DPOR check of a fix explores: every fixed scenario's space is far smaller.</summary>
    public const int DporScheduleCap = 20_000;

    /// <summary>Checks every scenario, yielding results in catalogue order as they complete.</summary>
    public static IEnumerable<ScenarioCheck> CheckAll(IReadOnlyList<IScenario> scenarios, string traceDirectory) =>
        scenarios.AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, Environment.ProcessorCount))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(scenario => Check(scenario, traceDirectory));

    /// <summary>Checks one scenario: explores (or stress-runs) both variants.</summary>
    public static ScenarioCheck Check(IScenario scenario, string traceDirectory)
    {
        var clock = Stopwatch.StartNew();
        if (!scenario.IsSystematic)
        {
            StressResult buggy = StressRunner.Run(scenario, Variant.Buggy, StressBudget, new StressOptions { StopAtFirstBug = true });
            StressResult fixedRuns = StressRunner.Run(scenario, Variant.Fixed, StressBudget);
            return new ScenarioCheck { Scenario = scenario, BuggyStress = buggy, FixedStress = fixedRuns, Elapsed = clock.Elapsed };
        }
        ExplorationOptions options = scenario.Budget.WithTraceDirectory(traceDirectory);
        TestReport buggyReport = Explore(scenario, Variant.Buggy, options);
        TestReport fixedReport = Explore(scenario, Variant.Fixed, options);
        TestReport? dpor = fixedReport.IsBugFree ? Explore(scenario, Variant.Fixed, DporOptions(scenario, options)) : null;
        return new ScenarioCheck { Scenario = scenario, Buggy = buggyReport, Fixed = fixedReport, FixedDpor = dpor, Elapsed = clock.Elapsed };
    }

    /// <summary>Replays the trace the buggy variant recorded, for the tour to compare with the recording.</summary>
    public static TestReport Replay(ScenarioCheck check)
    {
        TestReport recorded = check.Buggy ?? throw new ArgumentException($"{check.Scenario.Id} was not explored", nameof(check));
        string path = recorded.TracePath ?? throw new ArgumentException($"{check.Scenario.Id} recorded no trace", nameof(check));
        return TestingEngine.Replay(recorded.TestName, path, check.Scenario.Harness(check.Scenario.Factory(Variant.Buggy)));
    }

    /// <summary>DPOR under the preemption bound the scenario states for its fix, capped at <see cref="DporScheduleCap"/> interleavings.</summary>
    public static ExplorationOptions DporOptions(IScenario scenario, ExplorationOptions budget) =>
        budget.WithStrategy(StrategyKind.Dpor).WithPreemptionBound(scenario.FixedDfsPreemptionBound).WithIterations(DporScheduleCap).WithParallelism(1);

    private static TestReport Explore(IScenario scenario, Variant variant, ExplorationOptions options) =>
        TestingEngine.Explore(TestSubject.For(scenario, variant).TestName, scenario.Harness(scenario.Factory(variant)), options);
}
