using Lab.Scenarios;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;

namespace Lab.Hazards.Tests;

/// <summary>DPOR, run exactly as it verifies the fixed variants, finds every buggy variant's safety bug, and the trace replays.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DporBuggyVariantTests
{
    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.BuggyDpor))]
    public void Buggy_IsFound_ByTheDporThatVerifiesTheFixedVariant_AndReplays(IScenario scenario)
    {
        Action body = scenario.Harness(scenario.Factory(Variant.Buggy));
        TestReport report = TestingEngine.Explore(scenario.Id, body, ScenarioCases.Dpor(scenario));

        Assert.That(report, Finds.Bug(scenario.ExpectedBug).Mentioning(ScenarioCases.ExpectedMessage[scenario.Id][0]));
        Assert.That(report.OriginalTrace!.Strategy, Does.StartWith("dpor"));
        TestReport replay = TestingEngine.Replay(scenario.Id, report.OriginalTracePath!, body);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.OriginalTrace.Bug!.Message), replay.Describe());
    }
}
