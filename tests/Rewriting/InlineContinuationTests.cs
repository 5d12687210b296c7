using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Detection;
using Lab.Systematic.Testing;
using Finds = Lab.Systematic.NUnit.Finds;

namespace Lab.Rewriting.Tests;

/// <summary>
/// A TaskCompletionSource made without RunContinuationsAsynchronously runs its awaiters' continuations inline, inside the
/// completing call, as .NET does: a lock the completer holds is still held there, which a program can deadlock on. With
/// the option each continuation is a step of its own.
/// </summary>
public sealed class InlineContinuationTests
{
    private static string Name => FixtureExploration.TestName;

    private static ExplorationOptions Dfs(int iterations = 10_000) => FixtureExploration.Dfs(iterations);

    [Test]
    public void SetResult_UnderALock_RunsTheAwaitersContinuationInline_AndItsSecondLockDeadlocks_ToldWithTheCycle()
    {
        Action body = Fixture("InlineContinuations", "CompleteUnderALock");
        int awaitLine = FixtureSource.LineOf("Async/InlineContinuations.cs", "inline-await");

        TestReport report = TestingEngine.Explore(Name, body, Dfs());

        Assert.That(report, Finds.Bug(BugKind.Deadlock).Mentioning("wait for each other"));
        Assert.That(report.Bug!.Message, Does.Contain("main holds InlineContinuations._left and waits for InlineContinuations._right")
            .And.Contain("B holds InlineContinuations._right and waits for InlineContinuations._left"));
        Assert.That(report.Trace!.Steps.Select(s => $"{report.Trace.Operations[s.Operation]}: {s.Describe()} at {s.Location}"),
            Does.Contain($"main: resume(InlineContinuations._ready) inline at InlineContinuations.cs:{awaitLine}"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
    }

    /// <summary>
    /// The continuation is an operation of its own here: it takes the right lock after main released the left one or
    /// while main still holds it, but never as main. 511 schedules, as measured when inline continuations came in: the
    /// count changes if how a continuation of a TaskCompletionSource is scheduled does.
    /// </summary>
    [Test]
    public void SetResult_UnderALock_WithRunContinuationsAsynchronously_IsBugFree_InEverySchedule()
    {
        TestReport report = TestingEngine.Explore(Name, Fixture("InlineContinuations", "CompleteUnderALockWithAsynchronousContinuations"), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(report.DistinctSchedules, Is.EqualTo(511));
    }

    /// <summary>
    /// The continuation runs inside main's SetResult, so it is no operation of its own and adds no interleavings: 24
    /// schedules, as measured when inline continuations came in (the same shape with a separate continuation has 511).
    /// </summary>
    [Test]
    public void AnInlineContinuation_TakingTheLocksInTheSameOrderAsTheOtherThread_IsBugFree_InEverySchedule()
    {
        TestReport report = TestingEngine.Explore(Name, Fixture("InlineContinuations", "CompleteUnderALockWithOneLockOrder"), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(report.DistinctSchedules, Is.EqualTo(24));
    }

    [Test]
    public void AnAwaitOnASourceNobodyCompletes_IsStillAWaiterBlockedOnItsTask_InTheDeadlockReport()
    {
        Func<Task> body = RewrittenFixtures.WithEngine.Delegate<Func<Task>>("Async.InlineContinuations", "AwaitWhatNobodyCompletes");

        TestReport report = TestingEngine.Explore(Name, body, Dfs());

        Assert.That(report, Finds.Bug(BugKind.Deadlock).Mentioning("UpdateWhenReadyAsync holds nothing and waits for InlineContinuations._ready (to complete)"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
    }

    private static Action Fixture(string type, string method) => RewrittenFixtures.WithEngine.Delegate<Action>("Async." + type, method);
}
