using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Primitives;

public sealed class SignalTests
{
    [Test]
    public void SemaphoreSlim_AdmitsAtMostItsCount_AndReleasePastMaximumThrowsSemaphoreFullException()
    {
        TestReport report = Explore.Exhaustively(() =>
        {
            var pool = new SemaphoreSlim(1, 1, "pool");
            var inside = new Shared<int>(0, "inside");
            void Use()
            {
                pool.Wait();
                inside.Write(inside.Read() + 1);
                Specification.Assert(inside.Read() == 1, "two threads inside a one-permit semaphore");
                inside.Write(inside.Read() - 1);
                pool.Release();
            }
            var t1 = new ControlledThread(Use);
            var t2 = new ControlledThread(Use);
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
            Specification.Assert(Expect.Throws<SemaphoreFullException>(() => pool.Release()), "Release past the maximum must throw");
            Specification.Assert(pool.CurrentCount == 1, "count must be back to 1");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    [Test]
    public void SemaphoreSlim_TimedWait_TakesBothOutcomesAcrossTheSearch()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Explore.Exhaustively(() =>
        {
            var items = new SemaphoreSlim(0, name: "items");
            var producer = new ControlledThread(() => items.Release());
            producer.Start();
            outcomes.Add(items.Wait(100));
            producer.Join();
        });

        Assert.That(report, Is.BugFree());
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void ManualResetEventSlim_WaitReturnsOnlyAfterSet_AndTimedWaitCanTimeOut()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Explore.Exhaustively(() =>
        {
            var ready = new ManualResetEventSlim(false, "ready");
            var data = new Shared<int>(0, "data");
            var setter = new ControlledThread(() =>
            {
                data.Write(42);
                ready.Set();
            });
            setter.Start();
            bool signalled = ready.Wait(20);
            outcomes.Add(signalled);
            if (signalled) Specification.Assert(data.Read() == 42, "Wait returned before the data was written");
            ready.Wait();
            Specification.Assert(ready.IsSet, "event must stay set");
            setter.Join();
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.FirstRace, Is.Null, "Set → Wait orders the write before the read");
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void AutoResetEvent_OneSetReleasesExactlyOneWaiter()
    {
        TestReport report = Explore.Exhaustively(() =>
        {
            var signal = new AutoResetEvent(false, "signal");
            var passed = new Shared<int>(0, "passed");
            void Waiter()
            {
                if (signal.WaitOne(10)) passed.Write(passed.Read() + 1);
            }
            var w1 = new ControlledThread(Waiter);
            var w2 = new ControlledThread(Waiter);
            w1.Start();
            w2.Start();
            signal.Set();
            w1.Join();
            w2.Join();
            Specification.Assert(passed.Read() <= 1, $"{passed.Read()} waiters passed one Set");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    [Test]
    public void CountdownEvent_OpensAfterItsCount_AndSignalBelowZeroThrows()
    {
        TestReport report = Explore.Exhaustively(() =>
        {
            var done = new CountdownEvent(2, "done");
            int work = 0;
            void Worker()
            {
                Interlocked.Increment(ref work);
                done.Signal();
            }
            var w1 = new ControlledThread(Worker);
            var w2 = new ControlledThread(Worker);
            w1.Start();
            w2.Start();
            done.Wait();
            Specification.Assert(done.CurrentCount == 0 && Volatile.Read(ref work) == 2, "Wait returned before both workers signalled");
            Specification.Assert(Expect.Throws<InvalidOperationException>(() => done.Signal()), "Signal below zero must throw");
            w1.Join();
            w2.Join();
        });

        Assert.That(report, Is.BugFree());
    }

    [Test]
    public void Barrier_NoThreadEntersPhaseOneBeforeAllFinishedPhaseZero_AndPostPhaseActionRunsOncePerPhase()
    {
        TestReport report = Explore.Exhaustively(() =>
        {
            var phasesDone = new Shared<int>(0, "phasesDone");
            var barrier = new Barrier(2, _ => phasesDone.Write(phasesDone.Read() + 1), "barrier");
            int arrived = 0;
            void Participant()
            {
                Interlocked.Increment(ref arrived);
                barrier.SignalAndWait();
                Specification.Assert(Volatile.Read(ref arrived) == 2, "a thread passed the barrier before the other arrived");
                barrier.SignalAndWait();
            }
            var p1 = new ControlledThread(Participant);
            var p2 = new ControlledThread(Participant);
            p1.Start();
            p2.Start();
            p1.Join();
            p2.Join();
            Specification.Assert(phasesDone.Read() == 2, $"post-phase action ran {phasesDone.Read()} times for 2 phases");
            Specification.Assert(barrier.CurrentPhaseNumber == 2, "barrier must be in phase 2");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    [Test]
    public void ReaderWriterLockSlim_LetsReadersShareAndKeepsWritersExclusive()
    {
        var readersTogether = new HashSet<int>();
        TestReport report = Explore.Exhaustively(() =>
        {
            var rw = new ReaderWriterLockSlim("rw");
            var writing = new Shared<bool>(false, "writing");
            void Reader()
            {
                rw.EnterReadLock();
                Specification.Assert(!writing.Read(), "a reader overlapped the writer");
                readersTogether.Add(rw.CurrentReadCount);
                rw.ExitReadLock();
            }
            void Writer()
            {
                rw.EnterWriteLock();
                writing.Write(true);
                writing.Write(false);
                rw.ExitWriteLock();
            }
            var threads = new[] { new ControlledThread(Reader), new ControlledThread(Reader), new ControlledThread(Writer) };
            foreach (ControlledThread t in threads) t.Start();
            foreach (ControlledThread t in threads) t.Join();
            Specification.Assert(Expect.Throws<SynchronizationLockException>(() => rw.ExitReadLock()), "ExitReadLock without holding must throw");
            rw.EnterReadLock();
            Specification.Assert(Expect.Throws<LockRecursionException>(() => rw.EnterReadLock()), "recursion must throw");
            rw.ExitReadLock();
        }, iterations: 50_000);

        Assert.That(report, Is.BugFree());
        Assert.That(readersTogether, Does.Contain(2), "two readers must be able to hold the lock together");
    }

    [Test]
    public void Interlocked_IncrementsAreNeverLost_WhilePlainSharedIncrementsAre()
    {
        TestReport report = Explore.Exhaustively(() =>
        {
            int count = 0;
            var t1 = new ControlledThread(() => Interlocked.Increment(ref count));
            var t2 = new ControlledThread(() => Interlocked.Increment(ref count));
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
            Specification.Assert(Volatile.Read(ref count) == 2, "an Interlocked increment was lost");
            Specification.Assert(Interlocked.CompareExchange(ref count, 5, 2) == 2 && count == 5, "CompareExchange must swap on a match");
            Specification.Assert(Interlocked.Exchange(ref count, 1) == 5 && Interlocked.Add(ref count, 2) == 3, "Exchange and Add");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.Iterations, Is.GreaterThan(1));
    }

    [Test]
    public void Choice_NextBooleanAndNextInteger_AreExploredExhaustively_AndRecordedInTheTrace()
    {
        var seen = new HashSet<(bool, int)>();
        TestReport report = Explore.Exhaustively(() => seen.Add((Choice.NextBoolean(), Choice.NextInteger(3))));

        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.Iterations, Is.EqualTo(6));
        Assert.That(seen, Has.Count.EqualTo(6));
    }
}
