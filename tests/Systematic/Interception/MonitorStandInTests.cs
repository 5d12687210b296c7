using System.Threading;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>Monitor and the <c>lock</c> statement on ordinary objects, called as rewritten code calls them.</summary>
public sealed class MonitorStandInTests
{
    private static readonly object s_sharedGate = new();
    private static int s_firstEnterLine, s_secondEnterLine;

    /// <summary>What <c>lock (gate) { body }</c> compiles to.</summary>
    private static void Locked(object gate, string name, Action body, int line)
    {
        bool taken = false;
        try
        {
            MonitorStandIn.Enter(gate, ref taken, Site.File(), line, name);
            body();
        }
        finally
        {
            if (taken) MonitorStandIn.Exit(gate, Site.File(), line, name);
        }
    }

    private sealed class Account
    {
        public readonly object Gate = new();
    }

    /// <summary>Transfer from a to b locks a then b; the other direction locks b then a.</summary>
    private static void OppositeOrders()
    {
        var from = new Account();
        var to = new Account();
        void Transfer(object first, string firstName, object second, string secondName)
        {
            Locked(first, firstName, () => Locked(second, secondName, () => { }, s_secondEnterLine = Site.Line()), s_firstEnterLine = Site.Line());
        }
        Thread forward = ThreadStandIn.New(() => Transfer(from.Gate, "from.Gate", to.Gate, "to.Gate"), Site.File(), Site.Line());
        ThreadStandIn.set_Name(forward, "forward", Site.File(), Site.Line());
        Thread backward = ThreadStandIn.New(() => Transfer(to.Gate, "to.Gate", from.Gate, "from.Gate"), Site.File(), Site.Line());
        ThreadStandIn.set_Name(backward, "backward", Site.File(), Site.Line());
        ThreadStandIn.Start(forward, Site.File(), Site.Line());
        ThreadStandIn.Start(backward, Site.File(), Site.Line());
        ThreadStandIn.Join(forward, Site.File(), Site.Line());
        ThreadStandIn.Join(backward, Site.File(), Site.Line());
    }

    [Test]
    public void TwoObjectsLockedInOppositeOrders_Deadlock_WithAWaitForCycleNamingTheResources_AndReplay()
    {
        TestReport report = Exploring.Exhaustively(OppositeOrders);

        Assert.That(report, Finds.Deadlock());
        Assert.That(report.Bug!.Message, Does.Contain("forward holds from.Gate and waits for to.Gate"));
        Assert.That(report.Bug.Message, Does.Contain("backward holds to.Gate and waits for from.Gate"));
        Assert.That(report.Bug.Message, Does.Contain("wait for each other"));
        Assert.That(report.Trace!.Steps.Where(s => s.Action == "Enter blocks").Select(s => s.Location), Has.All.EqualTo(Site.At(s_secondEnterLine)));
        Assert.That(Exploring.Replayed(report, OppositeOrders), Is.EqualTo(report.Bug));
    }

    [Test]
    public void Lock_OnAnUnnamedObject_IsNamedByItsType()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var gate = new List<int>();
            MonitorStandIn.Enter(gate, Site.File(), Site.Line(), resourceName: null);
            Thread other = ThreadStandIn.New(() => MonitorStandIn.Enter(gate, Site.File(), Site.Line(), null), Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            ThreadStandIn.Join(other, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.Deadlock().Mentioning("holds List<Int32>"));
    }

    [Test]
    public void MonitorLockLeftHeld_DoesNotLeakIntoTheNextIteration()
    {
        TestReport report = Exploring.Randomly(() =>
        {
            Specification.Assert(!MonitorStandIn.IsEntered(s_sharedGate, Site.File(), Site.Line(), "gate"), "main holds the gate at the start");
            Thread holder = ThreadStandIn.New(() => MonitorStandIn.Enter(s_sharedGate, Site.File(), Site.Line(), "gate"), Site.File(), Site.Line());
            ThreadStandIn.Start(holder, Site.File(), Site.Line());
            ThreadStandIn.Join(holder, Site.File(), Site.Line());
            Specification.Assert(MonitorStandIn.TryEnter(s_sharedGate, Site.File(), Site.Line(), "gate") == false, "the holder finished without exiting");
        }, iterations: 20);

        Assert.That(report, Is.BugFree());
        Assert.That(report.Iterations, Is.EqualTo(20));
        Assert.That(Monitor.IsEntered(s_sharedGate), Is.False, "the real monitor was never taken");
    }

    [Test]
    public void WaitAndPulse_WithAConditionLoop_AreBugFree_InEverySchedule()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var gate = new object();
            var ready = new bool[1];
            Thread waiter = ThreadStandIn.New(() => Locked(gate, "gate", () =>
            {
                while (true)
                {
                    MemoryAccess.ReadElement(ready, 0, Site.File(), Site.Line());
                    if (ready[0]) break;
                    MonitorStandIn.Wait(gate, Site.File(), Site.Line(), "gate");
                }
            }, Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(waiter, Site.File(), Site.Line());
            Locked(gate, "gate", () =>
            {
                MemoryAccess.WriteElement(ready, 0, Site.File(), Site.Line());
                ready[0] = true;
                MonitorStandIn.PulseAll(gate, Site.File(), Site.Line(), "gate");
            }, Site.Line());
            ThreadStandIn.Join(waiter, Site.File(), Site.Line());
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
    }

    [Test]
    public void PulseBeforeWait_WithoutACondition_IsALostWakeup_ReportedAsADeadlockAtTheWait()
    {
        int waitLine = 0;
        TestReport report = Exploring.Exhaustively(() =>
        {
            var gate = new object();
            Thread waiter = ThreadStandIn.New(() => Locked(gate, "gate", () =>
            {
                waitLine = Site.Line(); MonitorStandIn.Wait(gate, Site.File(), waitLine, "gate");
            }, Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(waiter, Site.File(), Site.Line());
            Locked(gate, "gate", () => MonitorStandIn.Pulse(gate, Site.File(), Site.Line(), "gate"), Site.Line());
            ThreadStandIn.Join(waiter, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.Deadlock().Mentioning("a Pulse on gate"));
        Assert.That(report.Trace!.Steps.Last(s => s.Action == "Wait").Location, Is.EqualTo(Site.At(waitLine)));
    }

    [Test]
    public void TimedTryEnter_TimesOutInSomeSchedules_AndSucceedsInOthers()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Exploring.Exhaustively(() =>
        {
            var gate = new object();
            Thread holder = ThreadStandIn.New(() => Locked(gate, "gate", () => ThreadStandIn.Yield(Site.File(), Site.Line()), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(holder, Site.File(), Site.Line());
            ThreadStandIn.Yield(Site.File(), Site.Line());
            bool taken = false;
            MonitorStandIn.TryEnter(gate, 10, ref taken, Site.File(), Site.Line(), "gate");
            outcomes.Add(taken);
            if (taken) MonitorStandIn.Exit(gate, Site.File(), Site.Line(), "gate");
            ThreadStandIn.Join(holder, Site.File(), Site.Line());
        });

        Assert.That(report, Is.BugFree());
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void ExitWithoutEnter_AndLockTakenAlreadyTrue_ThrowWhatMonitorThrows_InsideAnExploration()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var gate = new object();
            Specification.Assert(Expect.Throws<SynchronizationLockException>(() => MonitorStandIn.Exit(gate, Site.File(), Site.Line(), "gate")), "Exit without Enter");
            Specification.Assert(Expect.Throws<SynchronizationLockException>(() => MonitorStandIn.Pulse(gate, Site.File(), Site.Line(), "gate")), "Pulse without Enter");
            bool taken = true;
            Specification.Assert(Expect.Throws<ArgumentException>(() => MonitorStandIn.Enter(gate, ref taken, Site.File(), Site.Line(), "gate")), "lockTaken true");
            MonitorStandIn.Enter(gate, Site.File(), Site.Line(), "gate");
            MonitorStandIn.Enter(gate, Site.File(), Site.Line(), "gate");
            MonitorStandIn.Exit(gate, Site.File(), Site.Line(), "gate");
            Specification.Assert(MonitorStandIn.IsEntered(gate, Site.File(), Site.Line(), "gate"), "re-entered once, exited once: still held");
            MonitorStandIn.Exit(gate, Site.File(), Site.Line(), "gate");
            Specification.Assert(!MonitorStandIn.IsEntered(gate, Site.File(), Site.Line(), "gate"), "fully exited");
        });

        Assert.That(report, Is.BugFree());
    }

    [Test]
    public void Dfs_OnATinyMonitorProgram_CountsExactly()
    {
        // main starts A and B and returns; each does lock (gate) { }: Enter then Exit. Each thread's beginning is a
        // step of its own, so DFS orders the two beginnings, the two Enters (the loser blocks until the Exit) and the
        // Exits: 14 schedules, exactly what the same program on the lab's own Lock gives, so a Monitor on a plain
        // object adds and loses no interleaving.
        TestReport report = Exploring.Exhaustively(() =>
        {
            var gate = new object();
            Thread a = ThreadStandIn.New(() => Locked(gate, "gate", () => { }, Site.Line()), Site.File(), Site.Line());
            Thread b = ThreadStandIn.New(() => Locked(gate, "gate", () => { }, Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(a, Site.File(), Site.Line());
            ThreadStandIn.Start(b, Site.File(), Site.Line());
        });
        TestReport sameWithTheLabLock = Exploring.Exhaustively(() =>
        {
            var gate = new Lab.Systematic.Threading.Lock("gate");
            void Body()
            {
                using (gate.EnterScope()) { }
            }
            new Lab.Systematic.Threading.ControlledThread(Body).Start();
            new Lab.Systematic.Threading.ControlledThread(Body).Start();
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.Iterations, Is.EqualTo(sameWithTheLabLock.Iterations));
        Assert.That(report.Iterations, Is.EqualTo(14));
    }

    [Test]
    public void OutsideAnExploration_TheStandInsAreTheRealMonitor()
    {
        var gate = new object();
        int inside = 0, worst = 0;
        void Use()
        {
            for (int i = 0; i < 2_000; i++)
            {
                bool taken = false;
                MonitorStandIn.Enter(gate, ref taken, Site.File(), Site.Line(), "gate");
                worst = Math.Max(worst, ++inside);
                inside--;
                MonitorStandIn.Exit(gate, Site.File(), Site.Line(), "gate");
            }
        }
        var threads = new[] { new Thread(Use), new Thread(Use) };
        foreach (Thread thread in threads) thread.Start();
        foreach (Thread thread in threads) thread.Join();

        Assert.That(worst, Is.EqualTo(1));
        Assert.Throws<SynchronizationLockException>(() => MonitorStandIn.Exit(gate, Site.File(), Site.Line(), "gate"));
        Assert.That(MonitorStandIn.TryEnter(gate, 0, Site.File(), Site.Line(), "gate"), Is.True);
        Assert.That(Monitor.IsEntered(gate), Is.True, "the real monitor is taken");
        Assert.That(MonitorStandIn.IsEntered(gate, Site.File(), Site.Line(), "gate"), Is.True);
        Assert.That(MonitorStandIn.Wait(gate, 10, Site.File(), Site.Line(), "gate"), Is.False, "nobody pulses: a real timed wait times out");
        MonitorStandIn.Exit(gate, Site.File(), Site.Line(), "gate");
        bool alreadyTaken = true;
        Assert.Throws<ArgumentException>(() => MonitorStandIn.Enter(gate, ref alreadyTaken, Site.File(), Site.Line(), "gate"));
    }
}
