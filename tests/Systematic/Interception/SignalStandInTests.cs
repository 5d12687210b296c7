using System.Threading;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>Events, Semaphore, CountdownEvent and Barrier called as rewritten code calls them.</summary>
public sealed class SignalStandInTests
{
    private sealed class Mailbox
    {
        public int Data;
    }

    private static readonly ManualResetEventSlim s_createdOutside = new(false);

    /// <summary>A writer publishes data and signals a ManualResetEvent; the reader waits, then reads.</summary>
    private static Action Publish(bool signalBeforeWriting) => () =>
    {
        var box = new Mailbox();
        ManualResetEvent ready = ManualResetEventStandIn.New(false, Site.File(), Site.Line(), "ready");
        Thread writer = ThreadStandIn.New(() =>
        {
            if (signalBeforeWriting) EventWaitHandleStandIn.Set(ready, Site.File(), Site.Line());
            MemoryAccess.WriteField(box, "Mailbox.Data", Site.File(), Site.Line());
            box.Data = 42;
            if (!signalBeforeWriting) EventWaitHandleStandIn.Set(ready, Site.File(), Site.Line());
        }, Site.File(), Site.Line());
        ThreadStandIn.Start(writer, Site.File(), Site.Line());
        WaitHandleStandIn.WaitOne(ready, Site.File(), Site.Line());
        MemoryAccess.ReadField(box, "Mailbox.Data", Site.File(), Site.Line());
        Specification.Assert(box.Data == 42, "read the data before it was written");
    };

    [Test]
    public void ManualResetEvent_SetAfterWriting_PublishesTheData_WithoutARace()
    {
        TestReport report = Exploring.Exhaustively(Publish(signalBeforeWriting: false));

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
    }

    [Test]
    public void ManualResetEvent_SetBeforeWriting_IsFound_AsAStaleReadAndARace()
    {
        TestReport report = Exploring.Exhaustively(Publish(signalBeforeWriting: true));

        Assert.That(report, Finds.AssertionFailure().Mentioning("read the data before it was written"));
        Assert.That(report.Bug!.Location, Does.StartWith("SignalStandInTests.cs:"));
        Assert.That(report.FirstRace!.Message, Does.Contain("data race on 'Mailbox.Data'"));
    }

    [Test]
    public void AutoResetEvent_SetOnceForTwoWaiters_LeavesOneBlocked_AsADeadlock()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            AutoResetEvent handoff = AutoResetEventStandIn.New(false, Site.File(), Site.Line(), "handoff");
            Thread first = ThreadStandIn.New(() => WaitHandleStandIn.WaitOne(handoff, Site.File(), Site.Line()), Site.File(), Site.Line());
            Thread second = ThreadStandIn.New(() => WaitHandleStandIn.WaitOne(handoff, Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(first, Site.File(), Site.Line());
            ThreadStandIn.Start(second, Site.File(), Site.Line());
            EventWaitHandleStandIn.Set(handoff, Site.File(), Site.Line());
            ThreadStandIn.Join(first, Site.File(), Site.Line());
            ThreadStandIn.Join(second, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.Deadlock().Mentioning("waits for handoff (not set)"));
    }

    [Test]
    public void EventWaitHandle_AutoReset_AndSemaphore_BehaveAsTheirModels()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Exploring.Exhaustively(() =>
        {
            EventWaitHandle gate = EventWaitHandleStandIn.New(true, EventResetMode.AutoReset, Site.File(), Site.Line(), "gate");
            Specification.Assert(WaitHandleStandIn.WaitOne(gate, 0, Site.File(), Site.Line()), "initially set");
            Specification.Assert(!WaitHandleStandIn.WaitOne(gate, 0, Site.File(), Site.Line()), "reset itself after one waiter");
            Semaphore pool = SemaphoreStandIn.New(0, 1, Site.File(), Site.Line(), "pool");
            Thread releaser = ThreadStandIn.New(() => SemaphoreStandIn.Release(pool, Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(releaser, Site.File(), Site.Line());
            outcomes.Add(WaitHandleStandIn.WaitOne(pool, TimeSpan.FromMilliseconds(20), Site.File(), Site.Line()));
            ThreadStandIn.Join(releaser, Site.File(), Site.Line());
        });

        Assert.That(report, Is.BugFree());
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void CountdownEvent_WithOneSignalTooMany_Deadlocks_AndTheRightCountIsBugFree()
    {
        static Action Body(int initialCount) => () =>
        {
            CountdownEvent done = CountdownEventStandIn.New(initialCount, Site.File(), Site.Line(), "done");
            for (int i = 0; i < 2; i++)
            {
                ThreadStandIn.Start(ThreadStandIn.New(() => CountdownEventStandIn.Signal(done, Site.File(), Site.Line()), Site.File(), Site.Line()), Site.File(), Site.Line());
            }
            CountdownEventStandIn.Wait(done, Site.File(), Site.Line());
            Specification.Assert(CountdownEventStandIn.get_IsSet(done, Site.File(), Site.Line()), "set after Wait");
        };

        TestReport right = Exploring.Exhaustively(Body(2));
        TestReport wrong = Exploring.Exhaustively(Body(3));

        Assert.That(right, Is.BugFree());
        Assert.That(wrong, Finds.Deadlock().Mentioning("waits for done (count 1)"));
    }

    [Test]
    public void ManualResetEventSlim_Waits_AndAnEventCreatedOutsideIsReported()
    {
        TestReport right = Exploring.Exhaustively(() =>
        {
            ManualResetEventSlim ready = ManualResetEventSlimStandIn.New(Site.File(), Site.Line(), "ready");
            Thread setter = ThreadStandIn.New(() => ManualResetEventSlimStandIn.Set(ready, Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(setter, Site.File(), Site.Line());
            ManualResetEventSlimStandIn.Wait(ready, Site.File(), Site.Line());
            Specification.Assert(ManualResetEventSlimStandIn.get_IsSet(ready, Site.File(), Site.Line()), "set");
        });
        TestReport outside = Exploring.Exhaustively(() => ManualResetEventSlimStandIn.Set(s_createdOutside, Site.File(), Site.Line()));

        Assert.That(right, Is.BugFree());
        Assert.That(outside, Finds.Bug(BugKind.UncontrolledConcurrency).Mentioning("'ManualResetEventSlim.Set' was created outside the exploration"));
        Assert.That(s_createdOutside.IsSet, Is.False);
    }

    [Test]
    public void Barrier_RunsThePostPhaseActionWithTheRealBarrier_AndTooManyParticipantsDeadlock()
    {
        static Action Body(int participants) => () =>
        {
            var phases = new List<long>();
            Barrier barrier = null!;
            barrier = BarrierStandIn.New(participants, b => phases.Add(b.CurrentPhaseNumber), Site.File(), Site.Line(), "barrier");
            void Work()
            {
                BarrierStandIn.SignalAndWait(barrier, Site.File(), Site.Line());
                BarrierStandIn.SignalAndWait(barrier, Site.File(), Site.Line());
            }
            Thread other = ThreadStandIn.New(Work, Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            Work();
            ThreadStandIn.Join(other, Site.File(), Site.Line());
            Specification.Assert(phases.Count == 2 && BarrierStandIn.get_CurrentPhaseNumber(barrier, Site.File(), Site.Line()) == 2, "two phases ran");
        };

        TestReport right = Exploring.Exhaustively(Body(2));
        TestReport wrong = Exploring.Exhaustively(Body(3));

        Assert.That(right, Is.BugFree());
        Assert.That(wrong, Finds.Deadlock().Mentioning("waits for barrier (phase 0, 2 of 3 arrived)"));
    }

    [Test]
    public void OutsideAnExploration_TheStandInsAreTheRealSignals()
    {
        using ManualResetEvent manual = ManualResetEventStandIn.New(false, Site.File(), Site.Line(), "manual");
        using AutoResetEvent auto = AutoResetEventStandIn.New(true, Site.File(), Site.Line(), "auto");
        using Semaphore semaphore = SemaphoreStandIn.New(1, 1, Site.File(), Site.Line(), "semaphore");
        using ManualResetEventSlim slim = ManualResetEventSlimStandIn.New(true, Site.File(), Site.Line(), "slim");
        using CountdownEvent countdown = CountdownEventStandIn.New(1, Site.File(), Site.Line(), "countdown");
        using Barrier barrier = BarrierStandIn.New(1, Site.File(), Site.Line(), "barrier");

        Assert.That(WaitHandleStandIn.WaitOne(manual, 0, Site.File(), Site.Line()), Is.False);
        Assert.That(EventWaitHandleStandIn.Set(manual, Site.File(), Site.Line()), Is.True);
        Assert.That(WaitHandleStandIn.WaitOne(manual, TimeSpan.Zero, Site.File(), Site.Line()), Is.True);
        Assert.That(WaitHandleStandIn.WaitOne(auto, Site.File(), Site.Line()), Is.True);
        Assert.That(WaitHandleStandIn.WaitOne(auto, 0, Site.File(), Site.Line()), Is.False, "auto-reset");
        Assert.That(WaitHandleStandIn.WaitOne(semaphore, 0, Site.File(), Site.Line()), Is.True);
        Assert.That(SemaphoreStandIn.Release(semaphore, Site.File(), Site.Line()), Is.EqualTo(0));
        Assert.Throws<SemaphoreFullException>(() => SemaphoreStandIn.Release(semaphore, Site.File(), Site.Line()));
        ManualResetEventSlimStandIn.Reset(slim, Site.File(), Site.Line());
        Assert.That(ManualResetEventSlimStandIn.Wait(slim, 0, Site.File(), Site.Line()), Is.False);
        Assert.That(CountdownEventStandIn.Signal(countdown, Site.File(), Site.Line()), Is.True);
        Assert.Throws<InvalidOperationException>(() => CountdownEventStandIn.Signal(countdown, Site.File(), Site.Line()));
        BarrierStandIn.SignalAndWait(barrier, Site.File(), Site.Line());
        Assert.That(BarrierStandIn.get_CurrentPhaseNumber(barrier, Site.File(), Site.Line()), Is.EqualTo(1));
    }
}
