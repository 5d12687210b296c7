using System.Threading;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>System.Threading.Lock, ReaderWriterLockSlim, SpinLock and SpinWait called as rewritten code calls them.</summary>
public sealed class LockingStandInTests
{
    private sealed class Counter
    {
        public int Count;
        public SpinLock Spin = new(enableThreadOwnerTracking: true);
    }

    private static void PlainIncrement(Counter counter)
    {
        MemoryAccess.ReadField(counter, "Counter.Count", Site.File(), Site.Line());
        int seen = counter.Count;
        MemoryAccess.WriteField(counter, "Counter.Count", Site.File(), Site.Line());
        counter.Count = seen + 1;
    }

    private static void TwoThreads(Action body)
    {
        Thread other = ThreadStandIn.New(new ThreadStart(body), Site.File(), Site.Line());
        ThreadStandIn.Start(other, Site.File(), Site.Line());
        body();
        ThreadStandIn.Join(other, Site.File(), Site.Line());
    }

    [Test]
    public void LockStatementOnASystemLock_ProtectsTheCounter_AndOppositeOrdersDeadlock()
    {
        TestReport guarded = Exploring.Exhaustively(() =>
        {
            var counter = new Counter();
            var gate = new System.Threading.Lock();
            TwoThreads(() =>
            {
                System.Threading.Lock.Scope scope = LockStandIn.EnterScope(gate, Site.File(), Site.Line(), "gate");
                try
                {
                    Specification.Assert(LockStandIn.get_IsHeldByCurrentThread(gate, Site.File(), Site.Line()), "held inside the scope");
                    PlainIncrement(counter);
                }
                finally
                {
                    LockScopeStandIn.Dispose(ref scope, Site.File(), Site.Line());
                }
            });
            Specification.Assert(counter.Count == 2, "an increment was lost");
        });
        TestReport inverted = Exploring.Exhaustively(() =>
        {
            var left = new System.Threading.Lock();
            var right = new System.Threading.Lock();
            void Take(System.Threading.Lock first, string firstName, System.Threading.Lock second, string secondName)
            {
                System.Threading.Lock.Scope outer = LockStandIn.EnterScope(first, Site.File(), Site.Line(), firstName);
                System.Threading.Lock.Scope inner = LockStandIn.EnterScope(second, Site.File(), Site.Line(), secondName);
                LockScopeStandIn.Dispose(ref inner, Site.File(), Site.Line());
                LockScopeStandIn.Dispose(ref outer, Site.File(), Site.Line());
            }
            Thread other = ThreadStandIn.New(() => Take(right, "right", left, "left"), Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            Take(left, "left", right, "right");
            ThreadStandIn.Join(other, Site.File(), Site.Line());
        });

        Assert.That(guarded, Is.BugFree());
        Assert.That(guarded.FirstRace, Is.Null);
        Assert.That(inverted, Finds.Deadlock().Mentioning("holds left and waits for right"));
    }

    [Test]
    public void ReaderWriterLock_LetsReadersIn_ButWritingUnderAReadLockRaces()
    {
        static Action Body(bool writeUnderReadLock) => () =>
        {
            var counter = new Counter();
            ReaderWriterLockSlim rw = ReaderWriterLockSlimStandIn.New(Site.File(), Site.Line(), "rw");
            TwoThreads(() =>
            {
                if (writeUnderReadLock) ReaderWriterLockSlimStandIn.EnterReadLock(rw, Site.File(), Site.Line());
                else ReaderWriterLockSlimStandIn.EnterWriteLock(rw, Site.File(), Site.Line());
                PlainIncrement(counter);
                if (writeUnderReadLock) ReaderWriterLockSlimStandIn.ExitReadLock(rw, Site.File(), Site.Line());
                else ReaderWriterLockSlimStandIn.ExitWriteLock(rw, Site.File(), Site.Line());
            });
            Specification.Assert(counter.Count == 2, "an increment was lost");
        };

        TestReport right = Exploring.Exhaustively(Body(writeUnderReadLock: false));
        TestReport wrong = Exploring.Exhaustively(Body(writeUnderReadLock: true));

        Assert.That(right, Is.BugFree());
        Assert.That(right.FirstRace, Is.Null);
        Assert.That(wrong, Finds.AssertionFailure().Mentioning("an increment was lost"));
        Assert.That(wrong.FirstRace!.Message, Does.Contain("data race on 'Counter.Count'"));
    }

    [Test]
    public void UpgradeableReadLock_InsideAnExploration_IsReportedAsNotModelled()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            ReaderWriterLockSlim rw = ReaderWriterLockSlimStandIn.New(Site.File(), Site.Line(), "rw");
            ReaderWriterLockSlimStandIn.EnterUpgradeableReadLock(rw, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.Bug(BugKind.UncontrolledConcurrency).Mentioning("EnterUpgradeableReadLock"));
    }

    [Test]
    public void SpinLockInAField_Excludes_ButACopiedSpinLockDoesNot()
    {
        static Action Body(bool copy) => () =>
        {
            var counter = new Counter();
            TwoThreads(() =>
            {
                SpinLock local = counter.Spin;
                bool taken = false;
                if (copy) SpinLockStandIn.Enter(ref local, ref taken, Site.File(), Site.Line(), "spin");
                else SpinLockStandIn.Enter(ref counter.Spin, ref taken, Site.File(), Site.Line(), "Counter.Spin");
                PlainIncrement(counter);
                if (copy) SpinLockStandIn.Exit(ref local, Site.File(), Site.Line(), "spin");
                else SpinLockStandIn.Exit(ref counter.Spin, Site.File(), Site.Line(), "Counter.Spin");
            });
            Specification.Assert(counter.Count == 2, "an increment was lost");
        };

        TestReport right = Exploring.Exhaustively(Body(copy: false), preemptionBound: 2);
        TestReport copied = Exploring.Exhaustively(Body(copy: true), preemptionBound: 2);

        Assert.That(right, Is.BugFree());
        Assert.That(right.SpaceExhausted, Is.True);
        Assert.That(right.FirstRace, Is.Null);
        Assert.That(copied, Finds.AssertionFailure().Mentioning("an increment was lost"));
    }

    [Test]
    public void SpinWaitLoop_OnAVolatileFlag_LetsTheSetterRun_AndEnds()
    {
        TestReport report = Exploring.Randomly(() =>
        {
            var flag = new Counter();
            Thread setter = ThreadStandIn.New(() => VolatileStandIn.Write(ref flag.Count, 1, Site.File(), Site.Line(), "flag"), Site.File(), Site.Line());
            ThreadStandIn.Start(setter, Site.File(), Site.Line());
            var spinner = new SpinWait();
            while (VolatileStandIn.Read(ref flag.Count, Site.File(), Site.Line(), "flag") == 0) SpinWaitStandIn.SpinOnce(ref spinner, Site.File(), Site.Line());
            SpinWaitStandIn.SpinUntil(() => flag.Count == 1, Site.File(), Site.Line());
        }, iterations: 100);

        Assert.That(report, Is.BugFree());
        Assert.That(report.IterationsAtStepBound, Is.EqualTo(0));
    }

    [Test]
    public void OutsideAnExploration_TheStandInsAreTheRealLocks()
    {
        var gate = new System.Threading.Lock();
        System.Threading.Lock.Scope scope = LockStandIn.EnterScope(gate, Site.File(), Site.Line(), "gate");
        Assert.That(LockStandIn.get_IsHeldByCurrentThread(gate, Site.File(), Site.Line()), Is.True);
        LockScopeStandIn.Dispose(ref scope, Site.File(), Site.Line());
        Assert.That(gate.IsHeldByCurrentThread, Is.False);
        Assert.That(LockStandIn.TryEnter(gate, 0, Site.File(), Site.Line(), "gate"), Is.True);
        LockStandIn.Exit(gate, Site.File(), Site.Line(), "gate");
        Assert.Throws<SynchronizationLockException>(() => LockStandIn.Exit(gate, Site.File(), Site.Line(), "gate"));

        using ReaderWriterLockSlim rw = ReaderWriterLockSlimStandIn.New(Site.File(), Site.Line(), "rw");
        ReaderWriterLockSlimStandIn.EnterReadLock(rw, Site.File(), Site.Line());
        Assert.That(ReaderWriterLockSlimStandIn.get_CurrentReadCount(rw, Site.File(), Site.Line()), Is.EqualTo(1));
        ReaderWriterLockSlimStandIn.ExitReadLock(rw, Site.File(), Site.Line());
        Assert.That(ReaderWriterLockSlimStandIn.TryEnterWriteLock(rw, 0, Site.File(), Site.Line()), Is.True);
        Assert.That(ReaderWriterLockSlimStandIn.get_IsWriteLockHeld(rw, Site.File(), Site.Line()), Is.True);
        ReaderWriterLockSlimStandIn.ExitWriteLock(rw, Site.File(), Site.Line());

        var spin = new SpinLock(enableThreadOwnerTracking: true);
        bool taken = false;
        SpinLockStandIn.Enter(ref spin, ref taken, Site.File(), Site.Line(), "spin");
        Assert.That(taken && SpinLockStandIn.get_IsHeldByCurrentThread(ref spin, Site.File(), Site.Line()), Is.True);
        SpinLockStandIn.Exit(ref spin, Site.File(), Site.Line(), "spin");
        Assert.That(SpinLockStandIn.get_IsHeld(ref spin, Site.File(), Site.Line()), Is.False);
        Assert.Throws<SynchronizationLockException>(() => SpinLockStandIn.Exit(ref spin, Site.File(), Site.Line(), "spin"));
        var spinner = new SpinWait();
        SpinWaitStandIn.SpinOnce(ref spinner, Site.File(), Site.Line());
        Assert.That(spinner.Count, Is.EqualTo(1));
        Assert.That(SpinWaitStandIn.SpinUntil(() => false, 1, Site.File(), Site.Line()), Is.False);
    }
}
