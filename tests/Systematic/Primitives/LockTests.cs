using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Primitives;

public sealed class LockTests
{
    [Test]
    public void Lock_IsReentrant_AndExcludesOthersUntilFullyExited()
    {
        // Bounded: with each thread's beginning a step of its own the unbounded space is 45,881 schedules (12 s);
        // two threads inside the lock would need only one preemption.
        TestReport report = Explore.Exhaustively(preemptionBound: 3, body: () =>
        {
            var gate = new Lock("gate");
            var inside = new Shared<int>(0, "inside");
            void Twice()
            {
                gate.Enter();
                gate.Enter();
                inside.Write(inside.Read() + 1);
                Specification.Assert(inside.Read() == 1, "two threads inside the lock");
                inside.Write(inside.Read() - 1);
                gate.Exit();
                gate.Exit();
            }
            var t1 = new ControlledThread(Twice);
            var t2 = new ControlledThread(Twice);
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.Iterations, Is.GreaterThan(1));
    }

    [Test]
    public void Lock_ExitWithoutOwning_ThrowsSynchronizationLockException_LikeMonitor()
    {
        TestReport report = Explore.Exhaustively(() =>
        {
            var gate = new Lock("gate");
            Specification.Assert(Expect.Throws<SynchronizationLockException>(() => gate.Exit()), "Exit without Enter must throw");
            Specification.Assert(Expect.Throws<SynchronizationLockException>(() => gate.Pulse()), "Pulse without owning must throw");
            Specification.Assert(Expect.Throws<SynchronizationLockException>(() => gate.Wait()), "Wait without owning must throw");
        });

        Assert.That(report, Is.BugFree());
    }

    [Test]
    public void Lock_TryEnterWithTimeout_TimesOutInSomeSchedulesAndSucceedsInOthers()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Explore.Exhaustively(() =>
        {
            var gate = new Lock("gate");
            var holder = new ControlledThread(() =>
            {
                gate.Enter();
                ControlledThread.Yield();
                gate.Exit();
            });
            holder.Start();
            ControlledThread.Yield();
            bool entered = gate.TryEnter(10);
            outcomes.Add(entered);
            if (entered) gate.Exit();
            holder.Join();
        });

        Assert.That(report, Is.BugFree());
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void Lock_WaitAndPulse_HandOverAValue_AndPulseAllWakesEveryWaiter()
    {
        TestReport report = Explore.Exhaustively(() =>
        {
            var gate = new Lock("gate");
            var ready = new Shared<int>(0, "ready");
            void Waiter()
            {
                using (gate.EnterScope())
                {
                    while (ready.Read() == 0) gate.Wait();
                }
            }
            var w1 = new ControlledThread(Waiter);
            var w2 = new ControlledThread(Waiter);
            w1.Start();
            w2.Start();
            using (gate.EnterScope())
            {
                ready.Write(1);
                gate.PulseAll();
            }
            w1.Join();
            w2.Join();
        }, preemptionBound: 3);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    [Test]
    public void Lock_PulseWakingOneOfTwoWaiters_LeavesTheOtherBlocked_AsADeadlock()
    {
        // Bounded: the deadlock needs main preempted early, and unbounded DFS varies the latest decisions first.
        TestReport report = Explore.Exhaustively(preemptionBound: 2, body: () =>
        {
            var gate = new Lock("gate");
            var ready = new Shared<bool>(false, "ready");
            void Waiter()
            {
                using (gate.EnterScope())
                {
                    while (!ready.Read()) gate.Wait();
                }
            }
            var w1 = new ControlledThread(Waiter, "W1");
            var w2 = new ControlledThread(Waiter, "W2");
            w1.Start();
            w2.Start();
            using (gate.EnterScope())
            {
                ready.Write(true);
                gate.Pulse();
            }
            w1.Join();
            w2.Join();
        });

        Assert.That(report, Finds.Deadlock().Mentioning("waits for a Pulse on gate"));
    }

    [Test]
    public void Lock_WaitWithTimeout_ReturnsFalseInSomeSchedules()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Explore.Exhaustively(() =>
        {
            var gate = new Lock("gate");
            var pulser = new ControlledThread(() =>
            {
                using (gate.EnterScope()) gate.Pulse();
            });
            using (gate.EnterScope())
            {
                pulser.Start();
                outcomes.Add(gate.Wait(50));
            }
            pulser.Join();
        });

        Assert.That(report, Is.BugFree());
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void Lock_OutsideAnExploration_IsARealMonitor()
    {
        var gate = new Lock("gate");
        var count = new Shared<int>(0, "count");
        void Add()
        {
            for (int i = 0; i < 10_000; i++)
            {
                using (gate.EnterScope()) count.Write(count.Read() + 1);
            }
        }
        var t1 = new ControlledThread(Add);
        var t2 = new ControlledThread(Add);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();

        Assert.That(count.Read(), Is.EqualTo(20_000));
        Assert.That(gate.TryEnter(), Is.True);
        Assert.That(gate.IsHeldByCurrentThread, Is.True);
        gate.Exit();
        Assert.Throws<SynchronizationLockException>(() => gate.Exit());
    }
}
