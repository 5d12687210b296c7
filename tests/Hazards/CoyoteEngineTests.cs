extern alias coyote;
using coyote::Lab.Scenarios.Coyote;
using Lab.Scenarios;
using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Coyote.Traces;

namespace Lab.Hazards.Tests;

/// <summary>
/// Every systematic scenario under Microsoft Coyote, on the Coyote-rewritten copy of the same source, against the table
/// of documented outcomes (CoyoteExpectations): a bug Coyote sees is found on 5 seeds with the stated configuration and
/// its trace replays; a bug it cannot see stays unseen; each fix passes, or gives the documented false alarm. A Coyote
/// that one day behaves otherwise turns these red. Not parallel: Coyote keeps process-wide state.
/// </summary>
[NonParallelizable]
public sealed class CoyoteEngineTests
{
    [Test]
    public void TheCoyoteCopyOfTheScenarios_WasCoyoteRewrittenByTheBuild()
    {
        Assert.That(CoyoteScenarios.IsRewritten, Is.True, "the CoyoteRewrite target should rewrite Lab.Scenarios.Coyote.dll after its build");
    }

    [Test]
    public void EverySystematicScenario_HasADocumentedCoyoteOutcome_InCatalogueOrder()
    {
        string[] systematic = ScenarioCatalog.All.Where(s => s.IsSystematic).Select(s => s.Id).ToArray();

        Assert.That(CoyoteExpectations.All.Select(e => e.ScenarioId), Is.EqualTo(systematic));
        Assert.That(CoyoteScenarios.Ids, Is.EqualTo(systematic));
    }

    [Test]
    public void EveryOutcomeThatDiffersFromTheLab_SaysWhy()
    {
        foreach (CoyoteExpectation expectation in CoyoteExpectations.All)
        {
            IScenario scenario = ScenarioCatalog.Find(expectation.ScenarioId);
            bool differs = expectation.Finds != scenario.ExpectedBug || expectation.FixedFinds is not null;
            Assert.That(string.IsNullOrWhiteSpace(expectation.Note), Is.EqualTo(!differs), $"{expectation.ScenarioId}: a note exactly where Coyote differs from the lab");
        }
    }

    [TestCaseSource(typeof(CoyoteCases), nameof(CoyoteCases.Found))]
    public void BuggyUnderCoyote_FindsTheDocumentedKind_OnEverySeed_AndReplays(string scenarioId)
    {
        CoyoteExpectation expectation = CoyoteExpectations.For(scenarioId);
        foreach (uint seed in CoyoteCases.Seeds)
        {
            CoyoteOptions options = expectation.Options.WithSeed(seed).WithTraceDirectory(CoyoteCases.TraceDirectory(expectation));

            CoyoteReport report = CoyoteScenarios.Explore(scenarioId, buggy: true, options);

            Assert.That(report.Bug?.Kind, Is.EqualTo(expectation.Finds), $"seed {seed}: {report.Summary}{Environment.NewLine}{report.Bug?.CoyoteText}");
            Assert.That(report.TracePath, Is.Not.Null, "a found bug's trace is written");
            CoyoteTrace trace = CoyoteTraceFile.Load(report.TracePath!);
            CoyoteReport replay = CoyoteExplorer.Replay(trace, CoyoteScenarios.Harness(scenarioId, buggy: true));
            Assert.That(CoyoteExplorer.Reproduces(replay, trace), Is.True,
                $"seed {seed}: the replay of {report.TracePath} gave {replay.Bug?.ToString() ?? "no bug"}, expected {trace.Kind}: {trace.Message}");
        }
    }

    [TestCaseSource(typeof(CoyoteCases), nameof(CoyoteCases.Missed))]
    public void BuggyUnderCoyote_IsNotSeen_AsDocumented(string scenarioId)
    {
        CoyoteExpectation expectation = CoyoteExpectations.For(scenarioId);

        CoyoteReport report = CoyoteScenarios.Explore(scenarioId, buggy: true, expectation.Options.WithTraceDirectory(CoyoteCases.TraceDirectory(expectation)));

        Assert.That(report.Bug, Is.Null, $"documented as unseen by Coyote ({expectation.Note}); if Coyote now finds it, update CoyoteExpectations: {report.Bug?.CoyoteText}");
        Assert.That(report.Iterations, Is.EqualTo(expectation.Options.Iterations));
    }

    [TestCaseSource(typeof(CoyoteCases), nameof(CoyoteCases.EndsTheProcess))]
    public void BuggyUnderCoyote_ThatWouldEndTheProcess_IsNotRun_AndSaysWhy(string scenarioId)
    {
        CoyoteExpectation expectation = CoyoteExpectations.For(scenarioId);

        CoyoteReport report = CoyoteScenarios.Explore(scenarioId, buggy: true);

        Assert.That(expectation.Finds, Is.Null, "a run that is never made finds nothing");
        Assert.That(report.Bug, Is.Null);
        Assert.That(report.Iterations, Is.Zero);
        Assert.That(report.ReadableTrace, Does.StartWith("not run under Coyote: ").And.Contain("ends the process"));
        Assert.That(expectation.Describe(ScenarioCatalog.Find(scenarioId).ExpectedBug), Is.EqualTo("not run (ends the process)"));
    }

    [TestCaseSource(typeof(CoyoteCases), nameof(CoyoteCases.Fixed))]
    public void FixedUnderCoyote_BehavesAsDocumented(string scenarioId)
    {
        CoyoteExpectation expectation = CoyoteExpectations.For(scenarioId);
        CoyoteOptions options = expectation.Options.WithIterations(CoyoteCases.FixedIterations).WithTraceDirectory(CoyoteCases.TraceDirectory(expectation));

        CoyoteReport report = CoyoteScenarios.Explore(scenarioId, buggy: false, options);

        Assert.That(report.Bug?.Kind, Is.EqualTo(expectation.FixedFinds), $"{report.Summary}{Environment.NewLine}{report.Bug?.CoyoteText}");
        if (expectation.FixedFinds is null) Assert.That(report.Iterations, Is.EqualTo(CoyoteCases.FixedIterations));
    }
}
