using Lab.Scenarios;
using Lab.Systematic.Detection;
using Lab.Systematic.Testing;

namespace Lab.Hazards.Tests;

/// <summary>The diagnostics beyond finding the bug: data races seen by happens-before, and minimised schedules.</summary>
public sealed class DiagnosticsTests
{
    /// <summary>
    /// Scenarios whose bug is an unsynchronised access to shared memory: each must show a data race. (Lazy
    /// initialisation without the re-check is an atomicity bug under a lock, and the barrier mix-up reads before the
    /// write happens, so neither needs two unordered accesses.)
    /// </summary>
    private static readonly string[] Racy =
    [
        "races/lost-update", "races/broken-flag-mutex", "races/check-then-act-cache", "races/torn-value",
        "order-violations/publish-before-init",
    ];

    private static IEnumerable<TestCaseData> RacyCases() =>
        Racy.Select(id => new TestCaseData(id).SetName($"{ScenarioCases.Name(ScenarioCatalog.Find(id))}_Buggy_ShowsADataRaceOnItsSharedState"));

    private static IEnumerable<TestCaseData> SafetyCases() =>
        ScenarioCatalog.All.Where(s => s.IsSystematic && !ScenarioCases.IsLiveness(s.ExpectedBug))
            .Select(s => new TestCaseData(s.Id).SetName($"{ScenarioCases.Name(s)}_Buggy_MinimalTraceReproduces_WithNoMorePreemptions"));

    [TestCaseSource(nameof(RacyCases))]
    public void RacyScenario_ShowsADataRace(string id)
    {
        IScenario scenario = ScenarioCatalog.Find(id);

        TestReport report = TestingEngine.Explore($"{id} (buggy)", scenario.Harness(scenario.Factory(Variant.Buggy)), ScenarioCases.Budget(scenario));

        BugReport? race = report.Bug?.Kind == BugKind.DataRace ? report.Bug : report.FirstRace;
        Assert.That(race, Is.Not.Null, report.Describe());
        Assert.That(race!.Message, Does.Match(@"^data race on '[^']+': \S+ (wrote|read) it at \S+\.cs:\d+ and \S+ (writes|reads) it at \S+\.cs:\d+"));
    }

    [TestCaseSource(nameof(SafetyCases))]
    public void MinimalTrace_Reproduces_WithNoMorePreemptions(string id)
    {
        IScenario scenario = ScenarioCatalog.Find(id);
        Action body = scenario.Harness(scenario.Factory(Variant.Buggy));

        TestReport report = TestingEngine.Explore($"{id} (buggy)", body, ScenarioCases.Budget(scenario).WithSeed(1));

        Assert.That(report.Bug?.Kind, Is.EqualTo(scenario.ExpectedBug), report.Describe());
        Assert.That(report.Trace!.Preemptions, Is.LessThanOrEqualTo(report.OriginalTrace!.Preemptions));
        Assert.That(TestingEngine.Replay($"{id} (buggy)", report.TracePath!, body).Bug, Is.EqualTo(report.Bug! with { StackTrace = null }).Using<BugReport>(SameKindAndMessage));
        TestContext.Out.WriteLine($"{id}: preemptions {report.OriginalTrace.Preemptions} → {report.Trace.Preemptions}, " +
                                  $"steps {report.OriginalTrace.Steps.Count} → {report.Trace.Steps.Count}");
    }

    private static bool SameKindAndMessage(BugReport? a, BugReport? b) => a?.Kind == b?.Kind && a?.Message == b?.Message;
}
