using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Finds = Lab.Systematic.NUnit.Finds;

namespace Lab.Rewriting.Tests;

/// <summary>
/// CancellationToken.Register and CancellationTokenSource.Dispose in rewritten code: a callback runs inline in whoever
/// cancels, as a step at its Register line, so a bug through it is found and replays; a disposed source throws
/// ObjectDisposedException from Cancel, CancelAfter and Token, so a check-then-act around Dispose is found too.
/// </summary>
public sealed class CancellationCallbackTests
{
    private const string Callbacks = "Async/CancellationCallbacks.cs";

    private static string Name => FixtureExploration.TestName;

    private static ExplorationOptions Dfs(int iterations = 10_000) => FixtureExploration.Dfs(iterations);

    private static ExplorationOptions Random(int iterations = 200) => FixtureExploration.Random(iterations, seed: 11);

    [Test]
    public void ACallback_CountingUnlocked_WhileTheRegisteringThreadCounts_LosesAnUpdate_InTheCancellingThread_AndReplays()
    {
        Func<int> run = Fixture<int>("CancellationCallbacks", "CountWithoutALock");
        void Body()
        {
            int count = run();
            Specification.Assert(count == 2, $"count is {count}, expected 2");
        }
        int registerLine = FixtureSource.LineOf(Callbacks, "register-unlocked");

        TestReport report = TestingEngine.Explore(Name, Body, Dfs());

        Assert.That(report, Finds.AssertionFailure().Mentioning("count is 1, expected 2"));
        Assert.That(report.FirstRace?.Message, Does.Contain("data race on 'CancellationCallbacks._count'"));
        Assert.That(Describe(report), Does.Contain($"canceller: callback(CancellationCallbacks._source) at CancellationCallbacks.cs:{registerLine}"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, Body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void ACallback_CountingUnderTheLockTheRegisteringThreadTakes_IsBugFreeAndRaceFree_InEverySchedule()
    {
        Func<int> run = Fixture<int>("CancellationCallbacks", "CountUnderALock");

        TestReport report = TestingEngine.Explore(Name, () => Specification.Assert(run() == 2, "both counted"), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(report.DistinctSchedules, Is.EqualTo(370));
    }

    [Test]
    public void ACallbackThatThrows_MakesCancelThrow_InTheCancellingThread_NamingTheCallbacksLine_AndReplays()
    {
        Action body = Fixture("CancellationCallbacks", "ThrowInACallback");
        int throwLine = FixtureSource.LineOf(Callbacks, "callback-throw");

        TestReport report = TestingEngine.Explore(Name, body, Dfs());

        Assert.That(report, Finds.Bug(BugKind.UnhandledException).Mentioning("the cancellation callback failed"));
        Assert.That(report.Bug!.Operation, Is.EqualTo("canceller"));
        Assert.That(report.Bug.Location, Is.EqualTo($"CancellationCallbacks.cs:{FixtureSource.LineOf(Callbacks, "cancel")}"));
        Assert.That(report.Bug.StackTrace, Does.Contain($"CancellationCallbacks.cs:line {throwLine}"));
        BugReport replayed = TestingEngine.Replay(Name, report.TracePath!, body).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(report.Bug with { StackTrace = null }));
    }

    [Test]
    public void Register_OnACancelledToken_RunsTheCallbackAtOnce_AndADisposedRegistrationNeverRuns()
    {
        Func<(int AtOnce, int AfterDispose)> run = Fixture<(int, int)>("CancellationCallbacks", "RegisterLateAndDisposeEarly");
        var outcomes = new HashSet<(int, int)>();

        TestReport report = TestingEngine.Explore(Name, () => outcomes.Add(run()), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(outcomes, Is.EquivalentTo(new[] { (1, 0) }));
    }

    [Test]
    public void DisposingARegistration_WaitsForItsRunningCallback_SoTheReadAfterIsRaceFree_WhileUnregisterRaces()
    {
        Func<int> disposing = Fixture<int>("CancellationCallbacks", "DisposeThenRead");
        Func<int> unregistering = Fixture<int>("CancellationCallbacks", "UnregisterWithoutWaitingThenRead");
        var seen = new HashSet<int>();

        TestReport clean = TestingEngine.Explore(Name, () => seen.Add(disposing()), Dfs());
        TestReport racy = TestingEngine.Explore(Name + "Unregister", () => unregistering(), Dfs());

        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
        Assert.That(clean.FirstRace, Is.Null);
        Assert.That(seen, Is.EquivalentTo(new[] { 0, 1 }));
        Assert.That(clean.DistinctSchedules, Is.EqualTo(13));
        Assert.That(racy.FirstRace?.Message, Does.Contain("data race on 'CancellationCallbacks._count'")
            .And.Contain($"CancellationCallbacks.cs:{FixtureSource.LineOf(Callbacks, "read-after-unregister")}"));
    }

    [Test]
    public void DisposingARegistration_UnderTheLockItsRunningCallbackTakes_IsADeadlock_ToldWithTheCycle()
    {
        Action body = Fixture("CancellationCallbacks", "DisposeUnderTheCallbacksLock");
        int registerLine = FixtureSource.LineOf(Callbacks, "register-locked");
        int disposeLine = FixtureSource.LineOf(Callbacks, "dispose-under-lock");

        TestReport report = TestingEngine.Explore(Name, body, Dfs());

        Assert.That(report, Finds.Bug(BugKind.Deadlock).Mentioning("wait for each other"));
        Assert.That(report.Bug!.Message, Does.Contain(
            $"main holds CancellationCallbacks._gate and waits for CancellationCallbacks._source's callback registered at CancellationCallbacks.cs:{registerLine} (running in canceller)")
            .And.Contain($"canceller holds CancellationCallbacks._source's callback registered at CancellationCallbacks.cs:{registerLine} and waits for CancellationCallbacks._gate"));
        Assert.That(Describe(report), Does.Contain($"main: Dispose(CancellationCallbacks._source's callback registered at CancellationCallbacks.cs:{registerLine}) blocks at CancellationCallbacks.cs:{disposeLine}"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void CancelAfter_FiresTheRegisteredCallback_InItsTimer_OnVirtualTime_WhereItRacesWithTheOwner()
    {
        Func<Task> body = Fixture<Task>("CancellationCallbacks", "CountAfterATimer");
        int registerLine = FixtureSource.LineOf(Callbacks, "register-timer");

        TestReport report = TestingEngine.Explore(Name, body, Random().WithContinueAfterDataRace(false));

        Assert.That(report, Finds.Bug(BugKind.DataRace).Mentioning("data race on 'CancellationCallbacks._count'"));
        Assert.That(Describe(report), Does.Contain($"timer: callback(CancellationCallbacks._source) at CancellationCallbacks.cs:{registerLine}"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void CheckThenCancel_AgainstAnotherThreadsDispose_ThrowsObjectDisposed_AtTheCancelLine_AndUnderALockNever()
    {
        Action buggy = Fixture("DisposedSources", "CancelUnlessDisposed");
        int cancelLine = FixtureSource.LineOf("Async/DisposedSources.cs", "cancel-unless-disposed");

        TestReport found = TestingEngine.Explore(Name, buggy, Dfs());
        TestReport clean = TestingEngine.Explore(Name + "Fixed", Fixture("DisposedSources", "CancelUnlessDisposedUnderALock"), Dfs());

        Assert.That(found, Finds.Bug(BugKind.UnhandledException).Mentioning("System.ObjectDisposedException in canceller"));
        Assert.That(found.Bug!.Location, Is.EqualTo($"DisposedSources.cs:{cancelLine}"));
        Assert.That(found.Bug.StackTrace, Does.Contain($"DisposedSources.cs:line {cancelLine}"));
        BugReport replayed = TestingEngine.Replay(Name, found.TracePath!, buggy).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(found.Bug with { StackTrace = null }));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
        Assert.That(clean.FirstRace, Is.Null);
        Assert.That(clean.DistinctSchedules, Is.EqualTo(61));
    }

    [Test]
    public void CancelAfterAndToken_OnADisposedSource_ThrowObjectDisposed_AtTheirLines()
    {
        TestReport cancelAfter = TestingEngine.Explore(Name, Fixture("DisposedSources", "CancelAfterDispose"), Dfs());
        Func<CancellationToken> token = Fixture<CancellationToken>("DisposedSources", "TokenAfterDispose");
        TestReport tokenRead = TestingEngine.Explore(Name + "Token", () => token(), Dfs());

        Assert.That(cancelAfter, Finds.Bug(BugKind.UnhandledException).Mentioning("System.ObjectDisposedException"));
        Assert.That(cancelAfter.Bug!.Location, Is.EqualTo($"DisposedSources.cs:{FixtureSource.LineOf("Async/DisposedSources.cs", "cancel-after-disposed")}"));
        Assert.That(tokenRead, Finds.Bug(BugKind.UnhandledException).Mentioning("System.ObjectDisposedException"));
        Assert.That(tokenRead.Bug!.Location, Is.EqualTo($"DisposedSources.cs:{FixtureSource.LineOf("Async/DisposedSources.cs", "token-after-disposed")}"));
    }

    private static IEnumerable<string> Describe(TestReport report) =>
        report.Trace!.Steps.Select(s => $"{report.Trace.Operations[s.Operation]}: {s.Describe()} at {s.Location}");

    private static Func<T> Fixture<T>(string type, string method) => RewrittenFixtures.WithEngine.Delegate<Func<T>>("Async." + type, method);

    private static Action Fixture(string type, string method) => RewrittenFixtures.WithEngine.Delegate<Action>("Async." + type, method);
}

