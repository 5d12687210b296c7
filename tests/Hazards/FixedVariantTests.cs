using Lab.Scenarios;
using Lab.Systematic.Testing;

namespace Lab.Hazards.Tests;

/// <summary>Every fixed variant survives DFS and DPOR (exhaustive or within the stated preemption bound) and the stated portfolio budget.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FixedVariantTests
{
    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.FixedDfs))]
    public void Fixed_Dfs_ExhaustsItsSpace_WithoutABug(IScenario scenario)
    {
        TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(scenario.Factory(Variant.Fixed)), ScenarioCases.Dfs(scenario));

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True, $"DFS stopped before exhausting the space: {report.Summary}");
        Assert.That(report.DistinctSchedules, Is.GreaterThan(1), report.Summary);
    }

    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.FixedDpor))]
    public void Fixed_Dpor_ExhaustsEveryTraceWithinItsBound_WithoutABug(IScenario scenario)
    {
        TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(scenario.Factory(Variant.Fixed)), ScenarioCases.Dpor(scenario));

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True, $"DPOR stopped before exhausting the space: {report.Summary}");
        Assert.That(report.Summary, Does.Contain($"Mazurkiewicz traces) within bound {scenario.Budget.MaxSteps} steps"));
    }

    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.FixedPortfolio))]
    public void Fixed_Portfolio_FindsNothing_ForEverySeed(IScenario scenario)
    {
        foreach (ulong seed in ScenarioCases.Seeds)
        {
            ExplorationOptions options = ScenarioCases.Budget(scenario).WithSeed(seed);
            TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(scenario.Factory(Variant.Fixed)), options);

            Assert.That(report, Is.BugFree(), $"seed {seed}");
            Assert.That(report.Iterations, Is.EqualTo(scenario.Budget.Iterations), $"seed {seed}: {report.Summary}");
        }
    }
}
