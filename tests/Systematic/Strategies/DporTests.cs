using Lab.Systematic.NUnit;
using Lab.Systematic.Strategies;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Strategies;

public sealed class DporTests
{
    private static ExplorationOptions Options => ExplorationOptions.Default.WithStrategy(StrategyKind.Dpor).WithIterations(100_000).WithDataRaceDetection(false)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "dpor-traces"));

    private static long Binomial(int n, int r)
    {
        long result = 1;
        for (int i = 1; i <= r; i++) result = result * (n - r + i) / i;
        return result;
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(6)]
    public void Dpor_TwoThreadsWritingTheirOwnVariables_ExploresOneInterleaving_ForOneTrace(int k)
    {
        TestReport report = TestingEngine.Explore($"dpor-two-writers-{k}", Programs.TwoWriters(k), Options);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.MazurkiewiczTraces, Is.EqualTo(1));
        Assert.That(report.Iterations, Is.EqualTo(1));
        Assert.That(report.Summary, Does.Contain("space exhausted: 1 interleavings (1 Mazurkiewicz traces) within bound 10000 steps (never reached)"));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Dpor_TwoThreadsWritingOneVariableKTimes_FindsTwoKChooseKTraces_OneInterleavingEach(int k)
    {
        TestReport report = TestingEngine.Explore($"dpor-same-variable-{k}", DporPrograms.SameVariableWriters(k), Options);

        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.MazurkiewiczTraces, Is.EqualTo(Binomial(2 * k, k)));
        Assert.That(report.Iterations, Is.EqualTo(Binomial(2 * k, k)), "two threads never leave DPOR a redundant interleaving");
    }

    [Test]
    public void Dpor_LockProtectedIncrementPair_FindsTwoTraces_OneForEachOrderOfTheCriticalSections()
    {
        TestReport report = TestingEngine.Explore("dpor-locked-increment", Programs.LockedIncrement, Options);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.MazurkiewiczTraces, Is.EqualTo(2));
    }

    // Too big for the brute-force reference since each thread's beginning is a step of its own: DFS ran over a million
    // schedules in four minutes without exhausting them (having met 6 traces). By reasoning instead: every step of an
    // incrementer is inside its critical section, main's starts and joins are ordered by the program, and a thread's
    // beginning touches nothing the others do, so a trace is an order of the three critical sections: 3! = 6.
    [Test]
    public void Dpor_ThreeLockedIncrements_FindsSixTraces_OneForEachOrderOfTheCriticalSections()
    {
        TestReport report = TestingEngine.Explore("dpor-three-locked", DporPrograms.ThreeLockedIncrements, Options);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.MazurkiewiczTraces, Is.EqualTo(6));
    }

    [Test]
    public void Dpor_ReadersOnly_FindsOneTrace() =>
        Assert.That(TestingEngine.Explore("dpor-readers", DporPrograms.Readers, Options).MazurkiewiczTraces, Is.EqualTo(1));

    [Test]
    public void Dpor_OneWriterTwoReaders_FindsFourTraces() =>
        Assert.That(TestingEngine.Explore("dpor-writer-readers", DporPrograms.WriterAndReaders, Options).MazurkiewiczTraces, Is.EqualTo(4));

    private static IEnumerable<TestCaseData> BruteForcePrograms()
    {
        yield return new TestCaseData((Action)Programs.LockedIncrement).SetName("Dpor_LockedIncrement_CountsAsManyTracesAsBruteForce");
        yield return new TestCaseData((Action)DporPrograms.WriterAndReaders).SetName("Dpor_WriterAndReaders_CountsAsManyTracesAsBruteForce");
        yield return new TestCaseData(DporPrograms.SameVariableWriters(2)).SetName("Dpor_SameVariableWriters_CountsAsManyTracesAsBruteForce");
        yield return new TestCaseData((Action)DporPrograms.SemaphoreHandOff).SetName("Dpor_SemaphoreHandOff_CountsAsManyTracesAsBruteForce");
        yield return new TestCaseData((Action)DporPrograms.WaitAndPulse).SetName("Dpor_WaitAndPulse_CountsAsManyTracesAsBruteForce");
        yield return new TestCaseData((Action)DporPrograms.TryEnterWhileHeld).SetName("Dpor_TryEnterWhileHeld_CountsAsManyTracesAsBruteForce");
        yield return new TestCaseData((Action)DporPrograms.Atomics).SetName("Dpor_Atomics_CountsAsManyTracesAsBruteForce");
        yield return new TestCaseData((Action)DporPrograms.ChoiceThenWrite).SetName("Dpor_ChoiceThenWrite_CountsAsManyTracesAsBruteForce");
    }

    [TestCaseSource(nameof(BruteForcePrograms))]
    public void Dpor_CountsTheSameTracesAsDfsGroupedByTrace(Action program)
    {
        var reference = new DporReference();
        TestReport dfs = TestingEngine.Explore("reference", program, Options, reference);
        reference.Finish();
        TestReport dpor = TestingEngine.Explore("dpor", program, Options);

        Assert.That(dfs, Is.BugFree());
        Assert.That(reference.Exhausted, Is.True);
        Assert.That(dpor.SpaceExhausted, Is.True);
        Assert.That(dpor.MazurkiewiczTraces, Is.EqualTo(reference.Traces), $"DFS ran {dfs.Iterations} schedules; DPOR: {dpor.Summary}");
        Assert.That(dpor.Iterations, Is.LessThanOrEqualTo(dfs.Iterations));
    }

    [Test]
    public void Dpor_LostUpdate_FindsTheLostIncrement_AndItsTraceReplays()
    {
        TestReport report = TestingEngine.Explore("dpor-lost-update", Programs.LostUpdate, Options);

        Assert.That(report, Finds.AssertionFailure().Mentioning("an increment was lost"));
        Assert.That(report.Trace!.Strategy, Is.EqualTo("dpor"));
        TestReport replay = TestingEngine.Replay("dpor-lost-update", report.OriginalTracePath!, Programs.LostUpdate);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.OriginalTrace!.Bug!.Message));
    }

    [Test]
    public void Dpor_LockOrderInversion_FindsTheDeadlock()
    {
        TestReport report = TestingEngine.Explore("dpor-lock-order", Programs.LockOrderInversion, Options);

        Assert.That(report, Finds.Deadlock().Mentioning("T1 holds fork0 and waits for fork1"));
    }

    [Test]
    public void Dpor_StoppedByItsIterationCap_SaysNotExhausted()
    {
        TestReport report = TestingEngine.Explore("dpor-capped", DporPrograms.SameVariableWriters(4), Options.WithIterations(10));

        Assert.That(report.SpaceExhausted, Is.False);
        Assert.That(report.Summary, Does.Contain("not exhausted: 10 interleavings (10 Mazurkiewicz traces) so far"));
    }

    // Every write of one variable conflicts, so a trace is an order of the 2k = 6 writes. A thread's beginning is a
    // step of its own but touches nothing the other thread does, so several bounded schedules (where a beginning falls,
    // whether main is preempted) share one trace: the schedule count of bounded DFS is no longer the trace count.
    // An order with r runs of one thread's writes has r - 2 preemptions (r - 1 switches, one of them after a thread's
    // last write, which is free), so within bound b the orders are those with at most b + 2 runs:
    // b = 0: 2 (AAABBB, BBBAAA); b = 1: + 4 with three runs = 6; b = 2: + 8 with four runs (2 x 2 x 2) = 14.
    [TestCase(0, 2)]
    [TestCase(1, 6)]
    [TestCase(2, 14)]
    public void Dpor_WithPreemptionBound_NeverRunsAScheduleOverTheBound_AndNamesTheBound(int bound, int orders)
    {
        var strategy = new DporStrategy(bound);
        TestReport report = TestingEngine.Explore("dpor-bounded", DporPrograms.SameVariableWriters(3), Options.WithPreemptionBound(bound), strategy);

        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(strategy.Description, Is.EqualTo($"dpor(preemption-bound={bound})"));
        var reference = new DporReference(bound);
        TestReport dfs = TestingEngine.Explore("dfs-bounded", DporPrograms.SameVariableWriters(3), Options.WithPreemptionBound(bound), reference);
        reference.Finish();
        Assert.That(reference.Exhausted, Is.True);
        Assert.That(reference.Traces, Is.EqualTo(orders), $"bounded DFS ran {dfs.Iterations} schedules");
        Assert.That(strategy.Traces, Is.EqualTo(reference.Traces), "the traces of the schedules within the bound, no more and no fewer");
    }

    [Test]
    public void Dpor_SpinningThreadCutOffByTheStepBound_StillLetsTheOtherThreadRun_AndFindsTheBug()
    {
        TestReport report = TestingEngine.Explore("dpor-spin", DporPrograms.SpinOnFlagPublishedTooEarly, Options.WithMaxSteps(40));

        Assert.That(report, Finds.AssertionFailure().Mentioning("the spinner saw the flag before the data"));
    }

    [Test]
    public void Dpor_InParallel_IsRefused() =>
        Assert.Throws<ArgumentException>(() => TestingEngine.Explore("dpor-parallel", Programs.LostUpdate, Options.WithParallelism(2)));
}
