using Lab.Scenarios;
using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;

namespace Lab.Hazards.Tests;

/// <summary>Every buggy variant's bug is found by the default exploration within the stated budget, and replays.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class BuggyVariantTests
{
    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.BuggySystematic))]
    public void Buggy_IsFound_ForEverySeed_AndReplays(IScenario scenario)
    {
        string[] fragments = ScenarioCases.ExpectedMessage[scenario.Id];
        foreach (ulong seed in ScenarioCases.Seeds)
        {
            ExplorationOptions options = ScenarioCases.Budget(scenario).WithSeed(seed);
            TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(scenario.Factory(Variant.Buggy)), options);

            BugKindConstraint expected = Finds.Bug(scenario.ExpectedBug);
            foreach (string fragment in fragments) Assert.That(report, expected.Mentioning(fragment), $"seed {seed}");
            Assert.That(report.BugIteration, Is.LessThan(scenario.Budget.Iterations), $"seed {seed}: found outside the budget");
            if (ScenarioCases.IsLiveness(scenario.ExpectedBug))
            {
                Assert.That(report.Trace!.Strategy, Is.EqualTo("fair"), $"seed {seed}: a liveness bug must come from a fair schedule");
            }

            // The reported (minimised) schedule and the schedule as found both replay to the bug they recorded.
            AssertReplays(scenario, report.TracePath, report.Bug!, seed);
            AssertReplays(scenario, report.OriginalTracePath, report.OriginalTrace!.Bug!, seed);
            Assert.That(report.OriginalTrace.Bug!.Kind, Is.EqualTo(scenario.ExpectedBug), $"seed {seed}: minimisation kept the kind of bug");
        }
    }

    private static void AssertReplays(IScenario scenario, string? tracePath, BugReport recorded, ulong seed)
    {
        Assert.That(tracePath, Does.Exist, $"seed {seed}: the failing schedule was not saved");
        TestReport replay = TestingEngine.Replay(scenario.Id, tracePath!, scenario.Harness(scenario.Factory(Variant.Buggy)));
        Assert.That(replay.Bug?.Kind, Is.EqualTo(recorded.Kind), $"seed {seed}: replay of {tracePath}\n{replay.Describe()}");
        Assert.That(replay.Bug!.Message, Is.EqualTo(recorded.Message), $"seed {seed}: replay of {tracePath}");
    }

    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.BuggySafety))]
    public void Buggy_IsFound_ByTheSameDfsThatVerifiesTheFixedVariant(IScenario scenario)
    {
        TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(scenario.Factory(Variant.Buggy)), ScenarioCases.Dfs(scenario));

        Assert.That(report, Finds.Bug(scenario.ExpectedBug).Mentioning(ScenarioCases.ExpectedMessage[scenario.Id][0]));
    }
}
