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

    [Test]
    public void Dpor_ReadersOnly_FindsOneTrace() =>
        Assert.That(TestingEngine.Explore("dpor-readers", DporPrograms.Readers, Options).MazurkiewiczTraces, Is.EqualTo(1));

    [Test]
    public void Dpor_OneWriterTwoReaders_FindsFourTraces() =>
        Assert.That(TestingEngine.Explore("dpor-writer-readers", DporPrograms.WriterAndReaders, Options).MazurkiewiczTraces, Is.EqualTo(4));

    private static IEnumerable<TestCaseData> BruteForcePrograms()
    {
        yield return new TestCaseData((Action)Programs.LockedIncrement).SetName("Dpor_LockedIncrement_CountsAsManyTracesAsBruteForce");
        yield return new TestCaseData((Action)DporPrograms.ThreeLockedIncrements).SetName("Dpor_ThreeLockedIncrements_CountsAsManyTracesAsBruteForce");
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

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Dpor_WithPreemptionBound_NeverRunsAScheduleOverTheBound_AndNamesTheBound(int bound)
    {
        var strategy = new DporStrategy(bound);
        TestReport report = TestingEngine.Explore("dpor-bounded", DporPrograms.SameVariableWriters(3), Options.WithPreemptionBound(bound), strategy);

        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(strategy.Description, Is.EqualTo($"dpor(preemption-bound={bound})"));
        var dfs = TestingEngine.Explore("dfs-bounded", DporPrograms.SameVariableWriters(3),
            Options.WithStrategy(StrategyKind.Dfs).WithPreemptionBound(bound));
        Assert.That(strategy.Traces, Is.EqualTo(dfs.Iterations), "every write of one variable conflicts, so each bounded schedule is its own trace");
    }

    [Test]
    public void Dpor_InParallel_IsRefused() =>
        Assert.Throws<ArgumentException>(() => TestingEngine.Explore("dpor-parallel", Programs.LostUpdate, Options.WithParallelism(2)));
}
