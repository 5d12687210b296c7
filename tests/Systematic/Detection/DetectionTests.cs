using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Detection;

public sealed class DetectionTests
{
    private static readonly ExplorationOptions Options = ExplorationOptions.Default.WithSeed(7).WithIterations(500)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces"));

    [Test]
    public void Explores_LostSharedIncrement_FindsAssertionFailure_AndReplaysIt()
    {
        TestReport report = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options.WithContinueAfterDataRace(true));

        Assert.That(report, Finds.AssertionFailure().Mentioning("count is 1"));
        Assert.That(report.FirstRace, Is.Not.Null, "the lost update is also a data race on 'count'");
        Assert.That(report.Summary, Does.Contain($"went on past the data race of iteration {report.FirstRaceIteration} and found this stronger bug"));
        TestReport replay = TestingEngine.Replay("lost-update", report.TracePath!, Programs.LostUpdate);
        Assert.That(replay.Bug, Is.EqualTo(report.Bug! with { StackTrace = null }));
    }

    [Test]
    public void Explores_LockOrderInversion_ReportsDeadlockNamingBothThreadsAndLocks()
    {
        TestReport report = TestingEngine.Explore("lock-order", Programs.LockOrderInversion, Options);

        Assert.That(report, Finds.Deadlock());
        string message = report.Bug!.Message;
        Assert.That(message, Does.Contain("T1 holds fork0 and waits for fork1"));
        Assert.That(message, Does.Contain("T2 holds fork1 and waits for fork0"));
    }

    [Test]
    public void Explores_LockedIncrement_FindsNothing()
    {
        TestReport report = TestingEngine.Explore("locked", Programs.LockedIncrement, Options);

        Assert.That(report, Is.BugFree());
        Assert.That(report.Iterations, Is.EqualTo(500));
    }
}
