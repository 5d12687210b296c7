using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Traces;

public sealed class MinimizationTests
{
    /// <summary>The lost update is also a data race: these tests minimise the assertion failure it leads to.</summary>
    private static ExplorationOptions Options => ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithIterations(1_000).WithContinueAfterDataRace(true)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces", TestContext.CurrentContext.Test.Name));

    private static IEnumerable<TestCaseData> Programs_() =>
    [
        new TestCaseData("lost-update", (Action)Programs.LostUpdate, BugKind.AssertionFailure).SetName("Minimize_LostUpdate_KeepsTheBug_WithNoMorePreemptions"),
        new TestCaseData("lock-order", (Action)Programs.LockOrderInversion, BugKind.Deadlock).SetName("Minimize_LockOrderInversion_KeepsTheBug_WithNoMorePreemptions"),
    ];

    [TestCaseSource(nameof(Programs_))]
    public void Minimize_KeepsTheBug_WithNoMorePreemptions(string name, Action program, BugKind kind)
    {
        var found = new List<(int Before, int After, int StepsBefore, int StepsAfter)>();
        for (ulong seed = 0; seed < 10; seed++)
        {
            TestReport report = TestingEngine.Explore(name, program, Options.WithSeed(seed));

            Assert.That(report, Finds.Bug(kind));
            Assert.That(report.Trace!.Preemptions, Is.LessThanOrEqualTo(report.OriginalTrace!.Preemptions));
            Assert.That(File.Exists(report.OriginalTracePath), Is.True, "the trace as found is kept too");
            TestReport replay = TestingEngine.Replay(name, report.TracePath!, program);
            Assert.That(replay.Bug, Is.EqualTo(report.Bug! with { StackTrace = null }));
            found.Add((report.OriginalTrace.Preemptions, report.Trace.Preemptions, report.OriginalTrace.Steps.Count, report.Trace.Steps.Count));
        }
        TestContext.Out.WriteLine($"{name}: preemptions before → after: " + string.Join(", ", found.Select(f => $"{f.Before}→{f.After}")));
        TestContext.Out.WriteLine($"{name}: steps before → after: " + string.Join(", ", found.Select(f => $"{f.StepsBefore}→{f.StepsAfter}")));
    }

    [Test]
    public void Minimize_OfADeadlock_NeedsOnlyOnePreemption()
    {
        TestReport report = TestingEngine.Explore("lock-order", Programs.LockOrderInversion, Options.WithSeed(4));

        Assert.That(report.Trace!.Preemptions, Is.EqualTo(1), TraceRenderer.Render(report.Trace));
    }

    [Test]
    public void Minimization_CanBeTurnedOff_ThenTheTraceIsTheOneFound()
    {
        TestReport report = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options.WithMinimization(false));

        Assert.That(report.Trace, Is.SameAs(report.OriginalTrace));
        Assert.That(report.TracePath, Is.EqualTo(report.OriginalTracePath));
    }
}
