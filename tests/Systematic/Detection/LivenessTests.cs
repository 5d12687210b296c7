using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Detection;

public sealed class LivenessTests
{
    /// <summary>These programs race on plain flags on purpose: the tests look past the race for the liveness bug it leads to.</summary>
    private static ExplorationOptions Options(StrategyKind strategy) => ExplorationOptions.Default
        .WithStrategy(strategy).WithSeed(11).WithIterations(300).WithMaxSteps(3_000).WithLivenessBound(500).WithContinueAfterDataRace(true)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces"));

    /// <summary>
    /// Two threads each raise a flag, and while the other's flag is up, politely lower theirs, yield and retry.
    /// In lockstep neither ever gets in: a livelock. A monitor is hot from the first attempt until someone enters.
    /// </summary>
    private static void AfterYou()
    {
        var wants = new[] { new Shared<bool>(false, "wants0"), new Shared<bool>(false, "wants1") };
        var nobodyEntered = new LivenessMonitor("somebody enters the critical section", BugKind.Livelock);
        void Polite(int me)
        {
            nobodyEntered.Hot();
            wants[me].Write(true);
            while (wants[1 - me].Read())
            {
                wants[me].Write(false);
                ControlledThread.Yield();
                wants[me].Write(true);
            }
            nobodyEntered.Cold();
            wants[me].Write(false);
        }
        var t0 = new ControlledThread(() => Polite(0), "T0");
        var t1 = new ControlledThread(() => Polite(1), "T1");
        t0.Start();
        t1.Start();
        t0.Join();
        t1.Join();
    }

    [Test]
    public void Explores_AfterYouLivelock_UnderFairStrategy_ReportsLivelockWithFairWitness_AndReplaysIt()
    {
        TestReport report = TestingEngine.Explore("after-you", AfterYou, Options(StrategyKind.Fair));

        Assert.That(report, Finds.Livelock().Mentioning("somebody enters the critical section"));
        Assert.That(report.Bug!.Message, Does.Contain("Fair witness: every enabled operation was scheduled at least once in every"));
        TestReport replay = TestingEngine.Replay("after-you", report.TracePath!, AfterYou);
        Assert.That(replay.Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void Explores_AfterYouLivelock_UnderRandomStrategy_DoesNotBlameTheProgramForUnfairSchedules()
    {
        TestReport report = TestingEngine.Explore("after-you-random", AfterYou, Options(StrategyKind.Random));

        Assert.That(report.Bug?.Kind, Is.Not.EqualTo(BugKind.Livelock));
        Assert.That(report.Bug?.Kind, Is.Not.EqualTo(BugKind.Starvation));
    }

    [Test]
    public void Explores_HotMonitorNeverCooled_ReportsStarvationAtTermination()
    {
        static void Body()
        {
            var served = new LivenessMonitor("T1 gets served", BugKind.Starvation);
            var t1 = new ControlledThread(() =>
            {
                served.Hot();
                ControlledThread.Yield();
            }, "T1");
            t1.Start();
            t1.Join();
        }

        TestReport report = TestingEngine.Explore("never-served", Body, Options(StrategyKind.Random));

        Assert.That(report, Finds.Starvation().Mentioning("'T1 gets served' was still hot when every thread had finished"));
        Assert.That(TestingEngine.Replay("never-served", report.TracePath!, Body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void Explores_WriterBypassedByReaders_ReportsStarvationThroughBoundedBypass()
    {
        static void Body()
        {
            var gate = new Lock("room");
            var bypass = new BoundedBypassMonitor("room", bound: 2);
            var stop = new Shared<bool>(false, "stop");
            void Reader()
            {
                for (int i = 0; i < 6; i++)
                {
                    bypass.Waiting();
                    while (!gate.TryEnter()) ControlledThread.Yield();
                    bypass.Entered();
                    gate.Exit();
                }
            }
            var readers = new[] { new ControlledThread(Reader, "R1"), new ControlledThread(Reader, "R2"), new ControlledThread(Reader, "R3") };
            foreach (ControlledThread reader in readers) reader.Start();
            foreach (ControlledThread reader in readers) reader.Join();
            stop.Write(true);
        }

        TestReport report = TestingEngine.Explore("bypass", Body, Options(StrategyKind.Fair));

        Assert.That(report, Finds.Starvation().Mentioning("waited to enter 'room' while others entered 3 times (bound 2)"));
    }

    /// <summary>Threads spin on TryEnter into one room; each side's threads announce and record their entries with their side.</summary>
    private static Action SidedRoom(int readers, int writers) => () =>
    {
        var gate = new Lock("room");
        var bypass = new BoundedBypassMonitor("room", bound: 2);
        void Enter(BypassSide side, int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                bypass.Waiting(side);
                while (!gate.TryEnter()) ControlledThread.Yield();
                bypass.Entered(side);
                gate.Exit();
            }
        }
        var threads = Enumerable.Range(1, readers).Select(i => new ControlledThread(() => Enter(new BypassSide("readers"), 6), $"R{i}"))
            .Concat(Enumerable.Range(1, writers).Select(i => new ControlledThread(() => Enter(new BypassSide("writers"), 1), $"W{i}"))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    };

    [Test]
    public void BoundedBypass_WithSides_DoesNotCountEntriesOfTheWaitersOwnSide()
    {
        TestReport report = TestingEngine.Explore("same-side", SidedRoom(readers: 3, writers: 0), Options(StrategyKind.Fair));

        Assert.That(report, Is.BugFree());
        Assert.That(report.Iterations, Is.EqualTo(300));
    }

    [Test]
    public void BoundedBypass_WithSides_CountsEntriesOfTheOtherSide()
    {
        TestReport report = TestingEngine.Explore("other-side", SidedRoom(readers: 3, writers: 1), Options(StrategyKind.Fair));

        Assert.That(report, Finds.Starvation().Mentioning("W1 waited to enter 'room' while others entered 3 times (bound 2)"));
    }

    [Test]
    public void Explores_ThreadThatThrows_ReportsUnhandledExceptionWithThreadAndStack()
    {
        static void Body()
        {
            var t = new ControlledThread(() => throw new InvalidOperationException("boom"), "worker");
            t.Start();
            t.Join();
        }

        TestReport report = TestingEngine.Explore("throws", Body, Options(StrategyKind.Random));

        Assert.That(report, Finds.UnhandledException().Mentioning("System.InvalidOperationException in worker: boom"));
        Assert.That(report.Bug!.Operation, Is.EqualTo("worker"));
        Assert.That(report.Bug.StackTrace, Does.Contain(nameof(Explores_ThreadThatThrows_ReportsUnhandledExceptionWithThreadAndStack)));
        Assert.That(report.Bug.Location, Does.StartWith("LivenessTests.cs:"));
    }

    [TestCase(0UL)]
    [TestCase(1UL)]
    [TestCase(2UL)]
    public void Explores_FifoTicketLock_UnderFairStrategy_NeverReportsBypass_EvenDuringTheRandomPrefix(ulong seed)
    {
        static void Body()
        {
            int next = 0, serving = 0;
            var bypass = new BoundedBypassMonitor("ticket lock", bound: 2);
            void Worker()
            {
                for (int round = 0; round < 3; round++)
                {
                    bypass.Waiting();
                    int ticket = Interlocked.Increment(ref next) - 1;
                    while (Volatile.Read(ref serving) != ticket) ControlledThread.Yield();
                    bypass.Entered();
                    Interlocked.Increment(ref serving);
                }
            }
            var a = new ControlledThread(Worker, "T1");
            var b = new ControlledThread(Worker, "T2");
            a.Start();
            b.Start();
            a.Join();
            b.Join();
        }

        TestReport report = TestingEngine.Explore("ticket-lock", Body, Options(StrategyKind.Fair).WithSeed(seed).WithIterations(100));

        Assert.That(report, Is.BugFree());
    }
}
