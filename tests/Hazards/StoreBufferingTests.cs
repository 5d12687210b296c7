using Lab.Scenarios;
using Lab.Scenarios.Stress;
using Lab.Systematic.Testing;

namespace Lab.Hazards.Tests;

/// <summary>The store-buffering litmus test: the honest limit of sequentially consistent exploration.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class StoreBufferingTests
{
    private static readonly IScenario Scenario = ScenarioCatalog.Find("memory-model/store-buffering");

    [Test]
    public void StoreBuffering_Buggy_IsInvisibleToExploration_EveryInterleavingIsSequentiallyConsistent()
    {
        TestReport report = TestingEngine.Explore(Scenario.Id, Scenario.Harness(Scenario.Factory(Variant.Buggy)),
            ScenarioCases.Dfs(Scenario));

        Assert.That(Scenario.IsSystematic, Is.False);
        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True, report.Summary);
    }

    [Test]
    public void StoreBuffering_Fixed_NeverShowsBothZero_InRealRuns()
    {
        StoreBufferingOutcomes outcomes = StressRunner.CountStoreBuffering(Scenario.Factory(Variant.Fixed), TimeSpan.FromMilliseconds(300));

        Assert.That(outcomes.Runs, Is.GreaterThan(0));
        Assert.That(outcomes.BothZero, Is.Zero, outcomes.Summary);
    }

    [Test]
    public void StressRunner_OnTheLitmusScenario_CountsOutcomes_AndCountsBothZeroAsTheBug()
    {
        StressResult result = StressRunner.Run(Scenario, Variant.Fixed, TimeSpan.FromMilliseconds(100));

        Assert.That(result.Litmus, Is.Not.Null);
        Assert.That(result.Runs, Is.EqualTo(result.Litmus!.Runs).And.GreaterThan(0));
        Assert.That(result.BugRuns, Is.EqualTo(result.Litmus.BothZero));
    }
}
