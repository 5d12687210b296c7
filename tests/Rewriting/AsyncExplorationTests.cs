using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Finds = Lab.Systematic.NUnit.Finds;

namespace Lab.Rewriting.Tests;

/// <summary>
/// Async C#, rewritten with the engine's stand-ins and explored: every continuation is a controlled operation, so a bug
/// through each construct (Task.Yield, WhenAll, WhenAny, Task.Delay, TaskCompletionSource, async void, awaits in a
/// cycle) is found and replays, and the correct form is bug-free.
/// </summary>
public sealed class AsyncExplorationTests
{
    private static string Name => FixtureExploration.TestName;

    private static ExplorationOptions Random(int iterations = 200) => FixtureExploration.Random(iterations, seed: 7);

    private static ExplorationOptions Dpor() => FixtureExploration.Dpor(20_000);

    private static ExplorationOptions Dfs(int iterations = 10_000) => FixtureExploration.Dfs(iterations);

    [Test]
    public void TwoIncrements_AwaitingBetweenReadAndWrite_LoseAnUpdate_ThroughTaskYieldAndWhenAll_AndReplay()
    {
        Func<Task<int>> run = Fixture<Task<int>>("AsyncCounter", "RunAcrossAwaits");
        void Body()
        {
            int count = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(count == 2, $"count is {count}, expected 2");
        }

        TestReport report = TestingEngine.Explore(Name, Body, Random());

        Assert.That(report, Finds.AssertionFailure().Mentioning("count is 1, expected 2"));
        int yieldLine = FixtureSource.LineOf("Async/AsyncCounter.cs", "async-yield");
        Assert.That(report.Trace!.Steps.Select(s => $"{s.Describe()} at {s.Location}"),
            Does.Contain($"await(Task.Yield) suspends at AsyncCounter.cs:{yieldLine}").And.Contain($"resume(Task.Yield) at AsyncCounter.cs:{yieldLine}"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, Body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void AsyncValueTaskMethods_AwaitedTogether_LoseAnUpdate_AndAwaitedInTurn_NeverDo()
    {
        Func<ValueTask<int>> together = Fixture<ValueTask<int>>("AsyncCounter", "RunValueTasksAcrossAwaits");
        Func<ValueTask<int>> inTurn = Fixture<ValueTask<int>>("AsyncCounter", "RunValueTasksInTurn");
        Action Check(Func<ValueTask<int>> run) => () =>
        {
            int count = TaskOfResultStandIn.get_Result(run().AsTask(), "", 0);
            Specification.Assert(count == 2, $"count is {count}, expected 2");
        };

        TestReport found = TestingEngine.Explore(Name, Check(together), Random());
        TestReport clean = TestingEngine.Explore(Name + "Fixed", Check(inTurn), Dfs());

        Assert.That(found, Finds.AssertionFailure().Mentioning("count is 1, expected 2"));
        Assert.That(TestingEngine.Replay(Name, found.TracePath!, Check(together)).Bug, Is.EqualTo(found.Bug));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
        Assert.That(clean.FirstRace, Is.Null);
    }

    [Test]
    public void TheSameSeed_GivesTheSameAsyncTrace_ByteForByte()
    {
        Func<Task<int>> run = Fixture<Task<int>>("AsyncCounter", "RunAcrossAwaits");
        void Body()
        {
            int count = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(count == 2, $"count is {count}, expected 2");
        }

        TestReport first = TestingEngine.Explore(Name, Body, Random().WithTraceDirectory(Path.Combine(FixtureExploration.Traces, "first")));
        TestReport second = TestingEngine.Explore(Name, Body, Random().WithTraceDirectory(Path.Combine(FixtureExploration.Traces, "second")));

        Assert.That(first.Bug, Is.Not.Null);
        Assert.That(File.ReadAllBytes(second.TracePath!), Is.EqualTo(File.ReadAllBytes(first.TracePath!)));
    }

    [Test]
    public void TwoIncrements_UnderALockAfterTheirAwait_AreBugFreeAndRaceFree_InEverySchedule()
    {
        Func<Task<int>> run = Fixture<Task<int>>("AsyncCounter", "RunAfterAwaits");
        void Body()
        {
            int count = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(count == 2, $"count is {count}, expected 2");
        }

        TestReport report = TestingEngine.Explore(Name, Body, Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
    }

    [Test]
    public void AnAsyncTestBody_AwaitingTaskRunResults_WithAndWithoutConfigureAwait_IsBugFree()
    {
        TestReport report = TestingEngine.Explore(Name, Fixture<Task>("AsyncPrograms", "SumIsThree"), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(report.DistinctSchedules, Is.GreaterThan(1));
    }

    [Test]
    public void AMissingAwait_LetsTheReadRunBeforeTheDelayedWrite_AndTheAwaitedSaveIsAlwaysSeen()
    {
        Func<Task<int>> missing = Fixture<Task<int>>("AsyncPrograms", "ReadWithoutAwaitingTheSave");
        Func<Task<int>> awaited = Fixture<Task<int>>("AsyncPrograms", "ReadAfterAwaitingTheSave");
        void Check(Func<Task<int>> run)
        {
            int saved = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(saved == 1, $"read {saved} before the save wrote 1");
        }

        TestReport buggy = TestingEngine.Explore(Name, () => Check(missing), Random());
        TestReport correct = TestingEngine.Explore(Name + "Fixed", () => Check(awaited), Dfs());

        Assert.That(buggy, Finds.AssertionFailure().Mentioning("read 0 before the save wrote 1"));
        Assert.That(buggy.FirstRace?.Message, Does.Contain("data race on 'Store.Saved'"));
        Assert.That(buggy.Trace!.Steps.Select(s => s.Describe()), Does.Contain("elapsed(Task.Delay(10))"));
        Assert.That(TestingEngine.Replay(Name, buggy.TracePath!, () => Check(missing)).Bug, Is.EqualTo(buggy.Bug));
        Assert.That(correct, Is.BugFree());
        Assert.That(correct.FirstRace, Is.Null);
    }

    [Test]
    public void WhenAny_BetweenWorkAndADelay_IsWonByEitherSide_AsTheStrategyChooses()
    {
        Func<Task<bool>> run = Fixture<Task<bool>>("AsyncPrograms", "WorkBeatsTheTimeout");
        var outcomes = new HashSet<bool>();

        TestReport report = TestingEngine.Explore(Name, () => outcomes.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void CheckThenSetResult_OnATaskCompletionSource_ThrowsInTheSecondProducer_AndTrySetResultNeverDoes()
    {
        Func<Task<int>> buggy = Fixture<Task<int>>("AsyncPrograms", "CheckThenSetResult");
        Func<Task<int>> fixedVersion = Fixture<Task<int>>("AsyncPrograms", "TrySetResult");
        var winners = new HashSet<int>();
        void Body() => TaskOfResultStandIn.get_Result(buggy(), "", 0);

        TestReport found = TestingEngine.Explore(Name, Body, Random());
        TestReport clean = TestingEngine.Explore(Name + "Fixed", () => winners.Add(TaskOfResultStandIn.get_Result(fixedVersion(), "", 0)), Dfs());

        Assert.That(found, Finds.Bug(BugKind.UnhandledException).Mentioning("transition a task to a final state when it had already completed"));
        Assert.That(found.Bug!.StackTrace, Does.Contain($"AsyncPrograms.cs:line {FixtureSource.LineOf("Async/AsyncPrograms.cs", "tcs-set")}")
            .Or.Contain($"AsyncPrograms.cs:line {FixtureSource.LineOf("Async/AsyncPrograms.cs", "tcs-set-second")}"));
        BugReport replayed = TestingEngine.Replay(Name, found.TracePath!, Body).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(found.Bug! with { StackTrace = null }));
        Assert.That(clean, Is.BugFree());
        Assert.That(winners, Is.EquivalentTo(new[] { 1, 2 }));
    }

    [Test]
    public void TwoAsyncMethods_AwaitingEachOthersTask_AreADeadlock_ToldWithTheWaitForCycle()
    {
        Func<Task> body = Fixture<Task>("AsyncPrograms", "AwaitEachOther");

        TestReport report = TestingEngine.Explore(Name, body, Random(20));

        Assert.That(report, Finds.Bug(BugKind.Deadlock).Mentioning("wait for each other"));
        Assert.That(report.Bug!.Message, Does.Contain("waits for Second").And.Contain("waits for First"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void AnExceptionEscapingAsyncVoid_IsABug_NamingTheMethodAndLine_WhileTheAwaitedTaskVersionHandlesIt()
    {
        Func<Task> body = Fixture<Task>("AsyncPrograms", "FireAndForget");
        Func<Task<string>> awaited = Fixture<Task<string>>("AsyncPrograms", "AwaitTheHandler");
        int line = FixtureSource.LineOf("Async/AsyncPrograms.cs", "async-void-throw");

        TestReport report = TestingEngine.Explore(Name, body, Random(20));
        TestReport handled = TestingEngine.Explore(Name + "Fixed", () =>
        {
            string outcome = TaskOfResultStandIn.get_Result(awaited(), "", 0);
            Specification.Assert(outcome == "the click handler failed", outcome);
        }, Dfs());

        Assert.That(report, Finds.Bug(BugKind.UnhandledException).Mentioning($"escaped async void OnClicked at AsyncPrograms.cs:{line}"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
        Assert.That(handled, Is.BugFree());
    }

    [Test]
    public void ATaskThatFaults_AndIsNeverObserved_IsABug_NamingTheTaskAndLine_WhileAnAwaitedOneIsNot()
    {
        Func<Task> forgotten = Fixture<Task>("AsyncPrograms", "ForgetAFailingSave");
        int line = FixtureSource.LineOf("Async/AsyncPrograms.cs", "unobserved-throw");

        TestReport found = TestingEngine.Explore(Name, forgotten, Random(20));
        TestReport clean = TestingEngine.Explore(Name + "Fixed", Fixture<Task>("AsyncPrograms", "AwaitAFailingSave"), Dfs());

        Assert.That(found, Finds.Bug(BugKind.UnhandledException)
            .Mentioning($"unobserved task exception: task FailingSaveAsync faulted with System.InvalidOperationException at AsyncPrograms.cs:{line}"));
        BugReport replayed = TestingEngine.Replay(Name, found.TracePath!, forgotten).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(found.Bug! with { StackTrace = null }));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
    }

    [Test]
    public void AFaultedTask_WhoseExceptionIsRead_IsObserved_WhileOneOnlyWaitedForWithWhenAny_IsLost()
    {
        TestReport lost = TestingEngine.Explore(Name, Fixture<Task>("AsyncPrograms", "WaitForAFailingSaveWithoutReadingIt"), Dfs());
        TestReport read = TestingEngine.Explore(Name + "Read", Fixture<Task>("AsyncPrograms", "ReadAFailingSavesException"), Dfs());

        Assert.That(lost, Finds.Bug(BugKind.UnhandledException).Mentioning("unobserved task exception: task FailingSaveAsync faulted"));
        Assert.That(read, Is.BugFree());
        Assert.That(read.SpaceExhausted, Is.True);
    }

    [Test]
    public void WaitAny_OnAsyncMethodsTasks_IsAControlledWait_WhereEitherMayFinishFirst_AndWaitingForBothIsBugFree()
    {
        Func<int> firstOfTwo = Fixture<int>("AsyncPrograms", "FirstOfTwoLoads");
        Func<int> sum = Fixture<int>("AsyncPrograms", "SumAfterWaitingForAny");
        int line = FixtureSource.LineOf("Async/AsyncPrograms.cs", "wait-any");
        void AssumesTheFirstWins()
        {
            int index = firstOfTwo();
            Specification.Assert(index == 0, $"load {index} finished first");
        }

        TestReport found = TestingEngine.Explore(Name, AssumesTheFirstWins, Dfs());
        TestReport clean = TestingEngine.Explore(Name + "Sum", () => Specification.Assert(sum() == 3, "the sum is not 3"), Dfs());

        Assert.That(found, Finds.AssertionFailure().Mentioning("load 1 finished first"));
        Assert.That(found.Trace!.Steps.Any(s => s.Action == "WaitAny" && s.Location == $"AsyncPrograms.cs:{line}"), Is.True,
            "the WaitAny is a step at its line");
        Assert.That(TestingEngine.Replay(Name, found.TracePath!, AssumesTheFirstWins).Bug, Is.EqualTo(found.Bug));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
    }

    [Test]
    public void TaskWait_OnAnAsyncMethodThatFaultedBeforeItsFirstAwait_ObservesTheFault()
    {
        Func<string> wait = Fixture<string>("AsyncPrograms", "WaitForASaveThatFailsAtOnce");
        string? outcome = null;

        TestReport report = TestingEngine.Explore(Name, () => { outcome = wait(); }, Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(outcome, Is.EqualTo("the disk is full"));
    }

    [Test]
    public void WhenAll_OfTypedTasks_GivesTheirResultsInTheOrderGiven_InEverySchedule()
    {
        Func<Task<int>> run = Fixture<Task<int>>("AsyncPrograms", "WeightedSumOfThreeLoads");
        var sums = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => sums.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dpor());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(sums, Is.EquivalentTo(new[] { 123 }));
    }

    [Test]
    public void AsyncLocks_WaitAsyncWithoutATimeOut_InOppositeOrders_AreADeadlock_NamingBothSemaphores_AndOneOrderIsBugFree()
    {
        Func<Task> opposite = Fixture<Task>("AsyncLockOrder", "OppositeOrders");
        int line = FixtureSource.LineOf("Async/AsyncLockOrder.cs", "second-wait");

        TestReport found = TestingEngine.Explore(Name, opposite, Random());
        TestReport clean = TestingEngine.Explore(Name + "OneOrder", Fixture<Task>("AsyncLockOrder", "OneOrder"), Dpor());

        // A semaphore has no owner, so there is no cycle to tell: every waiter is named with what it waits for.
        Assert.That(found, Finds.Bug(BugKind.Deadlock).Mentioning("every unfinished thread is blocked"));
        Assert.That(found.Bug!.Message, Does.Contain("waits for AsyncLockOrder._orders (count 0)").And.Contain("waits for AsyncLockOrder._stock (count 0)"));
        Assert.That(found.Trace!.Steps.Any(s => s.Location == $"AsyncLockOrder.cs:{line}" && s.Resource is "AsyncLockOrder._orders" or "AsyncLockOrder._stock"), Is.True,
            "the second WaitAsync is a step at its line");
        Assert.That(TestingEngine.Replay(Name, found.TracePath!, opposite).Bug, Is.EqualTo(found.Bug));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
    }

    [Test]
    public void SyncOverAsync_OnASingleThreadedContext_IsADeadlock_ToldWithItsWaitForCycle()
    {
        Func<string> blocking = Fixture<string>("UiPrograms", "BlockOnTheLoad");

        TestReport report = TestingEngine.Explore(Name, () => blocking(), Dfs());

        Assert.That(report, Finds.Bug(BugKind.Deadlock).Mentioning("wait for each other"));
        Assert.That(report.Bug!.Message, Does.Contain("main holds the single-threaded UiContext and waits for LoadAsync")
            .And.Contain("LoadAsync holds nothing and waits for the single-threaded UiContext"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, () => blocking()).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void OnASingleThreadedContext_AwaitingOrLeavingTheContext_IsBugFree_InEverySchedule()
    {
        Func<string> leaving = Fixture<string>("UiPrograms", "BlockOnALoadThatLeavesTheContext");

        TestReport awaited = TestingEngine.Explore(Name, Fixture<Task>("UiPrograms", "AwaitTheLoad"), Dfs());
        TestReport configured = TestingEngine.Explore(Name + "ConfigureAwait", () => leaving(), Dfs());

        Assert.That(awaited, Is.BugFree());
        Assert.That(awaited.SpaceExhausted, Is.True);
        Assert.That(configured, Is.BugFree());
        Assert.That(configured.SpaceExhausted, Is.True);
    }

    [Test]
    public void CancellingASourceTheOwnerMayHaveDisposed_Throws_AndAwaitingTheWorkerFirstIsBugFree()
    {
        Func<Task> buggy = Fixture<Task>("CancellationPrograms", "CancelAfterDispose");

        TestReport found = TestingEngine.Explore(Name, buggy, Random());
        TestReport clean = TestingEngine.Explore(Name + "Fixed", Fixture<Task>("CancellationPrograms", "CancelThenDispose"), Dfs());

        Assert.That(found, Finds.Bug(BugKind.UnhandledException).Mentioning("ObjectDisposedException"));
        Assert.That(found.Bug!.StackTrace, Does.Contain($"CancellationPrograms.cs:line {FixtureSource.LineOf("Async/CancellationPrograms.cs", "cancel-disposed")}"));
        BugReport replayed = TestingEngine.Replay(Name, found.TracePath!, buggy).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(found.Bug! with { StackTrace = null }));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
    }

    [Test]
    public void CancelAfter_OnVirtualTime_StopsAPollingLoop_WithinItsDueTime_InEverySchedule()
    {
        // Timers fire in due order, so the 3 ms delay due at 12 never fires before the cancel due at 10: at most 4 rounds.
        // When the cancel fires relative to the loop's own work is the strategy's choice, so 0 to 3 rounds happen too.
        Func<Task<int>> run = Fixture<Task<int>>("CancellationPrograms", "PollUntilCancelled");
        var rounds = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => rounds.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dfs(20_000));

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(rounds, Is.EquivalentTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public void SyncOverAsync_WithoutASynchronizationContext_IsAControlledWait_NotADeadlock()
    {
        Func<int> run = Fixture<int>("AsyncPrograms", "BlockOnTheSum");
        var sums = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => sums.Add(run()), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(sums, Is.EquivalentTo(new[] { 6 }));
    }

    [Test]
    public void AnAsyncLock_ReleasedAfterAWaitAsyncTimeOut_LetsTwoUpdatesIn_AndReleasingOnlyWhatWasTakenIsBugFree()
    {
        Func<Task> buggy = Fixture<Task>("AsyncGate", "RunReleasingAlways");
        Func<Task> correct = Fixture<Task>("AsyncGate", "RunReleasingWhatItTook");

        TestReport found = TestingEngine.Explore(Name, buggy, Random(500));
        TestReport clean = TestingEngine.Explore(Name + "Fixed", correct, Random(500));

        int waitLine = FixtureSource.LineOf("Async/AsyncGate.cs", "gate-wait");
        Assert.That(found, Finds.Bug(BugKind.UnhandledException).Mentioning("two updates are inside the async lock"));
        Assert.That(found.Bug!.Location, Is.EqualTo($"AsyncGate.cs:{FixtureSource.LineOf("Async/AsyncGate.cs", "gate-inside")}"));
        Assert.That(found.Trace!.Steps.Select(s => $"{s.Describe()} at {s.Location}"), Does.Contain($"Wait(AsyncGate._gate) timed out at AsyncGate.cs:{waitLine}"));
        BugReport replayed = TestingEngine.Replay(Name, found.TracePath!, buggy).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(found.Bug! with { StackTrace = null }));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.FirstRace, Is.Null);
    }

    /// <summary>
    /// Two steps that each yield once, awaited in turn by an async test body. Each await is a scheduling point, each
    /// continuation an operation that starts blocked on what it awaits, and "main" waits for the body's task. At the first
    /// decision main, Step and Step#2 are enabled: resuming either step first leaves 5 schedules each; main awaiting
    /// first suspends the body into a continuation blocked on the first step, and 21 schedules follow. 31 in all, the
    /// count a separate enumeration of this model gives: a change to how awaits are scheduled shows up here.
    /// </summary>
    [Test]
    public void Dfs_CountsTheSchedulesOfTwoYieldingStepsAwaitedInTurn_Exactly()
    {
        TestReport report = TestingEngine.Explore(Name, Fixture<Task>("AsyncPrograms", "TwoYieldingSteps"), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.DistinctSchedules, Is.EqualTo(31));
    }

    private static Func<T> Fixture<T>(string type, string method) => RewrittenFixtures.WithEngine.Delegate<Func<T>>("Async." + type, method);
}
