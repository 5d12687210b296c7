using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Primitives;

/// <summary>Outside an exploration every primitive is its real .NET counterpart, so scenario code also runs for real.</summary>
public sealed class RealModeTests
{
    private static void RunTogether(params Action[] bodies)
    {
        ControlledThread[] threads = bodies.Select(b => new ControlledThread(b)).ToArray();
        foreach (ControlledThread thread in threads) thread.Start();
        foreach (ControlledThread thread in threads) thread.Join();
    }

    [Test]
    public void SemaphoreSlim_OutsideAnExploration_LimitsConcurrencyForReal()
    {
        var gate = new SemaphoreSlim(1, 1, "gate");
        int inside = 0, worst = 0;
        void Use()
        {
            for (int i = 0; i < 2_000; i++)
            {
                gate.Wait();
                int now = System.Threading.Interlocked.Increment(ref inside);
                worst = Math.Max(worst, now);
                System.Threading.Interlocked.Decrement(ref inside);
                gate.Release();
            }
        }

        RunTogether(Use, Use);

        Assert.That(worst, Is.EqualTo(1));
        Assert.Throws<SemaphoreFullException>(() => gate.Release());
        Assert.That(gate.Wait(0), Is.True);
        Assert.That(gate.Wait(10), Is.False, "no permit left: a real timed wait times out");
    }

    [Test]
    public void Events_OutsideAnExploration_SignalRealThreads()
    {
        var ready = new ManualResetEventSlim(false, "ready");
        var handoff = new AutoResetEvent(false, "handoff");
        var done = new CountdownEvent(2, "done");
        int observed = 0;

        RunTogether(
            () =>
            {
                ready.Wait();
                handoff.WaitOne();
                System.Threading.Interlocked.Increment(ref observed);
                done.Signal();
            },
            () =>
            {
                ready.Set();
                handoff.Set();
                done.Signal();
            });

        Assert.That(done.Wait(5_000), Is.True);
        Assert.That(observed, Is.EqualTo(1));
        Assert.That(ready.IsSet, Is.True);
        Assert.That(handoff.WaitOne(10), Is.False, "an auto-reset event resets after releasing one waiter");
        Assert.Throws<InvalidOperationException>(() => done.Signal());
    }

    [Test]
    public void Barrier_AndReaderWriterLock_OutsideAnExploration_WorkForReal()
    {
        int phases = 0;
        var barrier = new Barrier(2, _ => phases++, "barrier");
        var rw = new ReaderWriterLockSlim("rw");
        int value = 0;

        RunTogether(
            () =>
            {
                barrier.SignalAndWait();
                rw.EnterWriteLock();
                value++;
                rw.ExitWriteLock();
                barrier.SignalAndWait();
            },
            () =>
            {
                barrier.SignalAndWait();
                rw.EnterReadLock();
                _ = value;
                rw.ExitReadLock();
                barrier.SignalAndWait();
            });

        Assert.That(phases, Is.EqualTo(2));
        Assert.That(barrier.CurrentPhaseNumber, Is.EqualTo(2));
        Assert.That(value, Is.EqualTo(1));
        Assert.Throws<SynchronizationLockException>(() => rw.ExitReadLock());
    }

    [Test]
    public void SharedInterlockedAndChoice_OutsideAnExploration_ArePlainValues()
    {
        var shared = new Shared<int>(5, "x");
        int counter = 0;

        RunTogether(() => { for (int i = 0; i < 10_000; i++) Interlocked.Increment(ref counter); },
                    () => { for (int i = 0; i < 10_000; i++) Interlocked.Increment(ref counter); });
        shared.Write(shared.Read() + 1);

        Assert.That(counter, Is.EqualTo(20_000));
        Assert.That(shared.Read(), Is.EqualTo(6));
        Assert.That(Enumerable.Range(0, 200).Select(_ => Choice.NextInteger(3)).Distinct().Order(), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void SpecificationAssert_OutsideAnExploration_ThrowsWithItsSourceLine()
    {
        var error = Assert.Throws<AssertionFailureException>(() => Specification.Assert(1 + 1 == 3, "arithmetic is broken"));

        Assert.That(error!.Message, Does.Contain("arithmetic is broken"));
        Assert.That(error.Location, Does.StartWith("RealModeTests.cs:"));
    }

    [Test]
    public void ControlledThread_OutsideAnExploration_RethrowsItsExceptionFromJoin_InsteadOfEndingTheProcess()
    {
        var thread = new ControlledThread(() => throw new InvalidOperationException("boom"), "worker");
        thread.Start();

        var error = Assert.Throws<InvalidOperationException>(() => thread.Join());

        Assert.That(error!.Message, Is.EqualTo("boom"));
        Assert.Throws<ThreadStateException>(() => thread.Start());
    }
}
