using Lab.Systematic.Testing;
using Lab.Systematic.Traces;
using Lab.Systematic.NUnit;

namespace Lab.Systematic.Tests.Strategies;

public sealed class DfsTests
{
    /// <summary>
    /// Orders of two threads of k writes each. Each thread's beginning is a step before its first write (the plain
    /// code it runs first is interleaved too), so it is two sequences of k + 1 events: C(2k + 2, k + 1). Before a
    /// thread's beginning was a step of its own this was C(2k, k), and plain code before a first write was never interleaved.
    /// </summary>
    private static long Interleavings(int k) => Binomial(2 * k + 2, k + 1);

    /// <summary>
    /// Orders with at most <paramref name="bound"/> preemptions. Each thread has n = k + 1 events (its beginning, then
    /// its writes). An order is m alternating blocks; every switch is a preemption except the one where the first
    /// thread to finish finishes, so it has m - 2 preemptions. With m blocks starting with a given thread, that thread
    /// has ceil(m/2) blocks and the other floor(m/2), each split of n events into b non-empty blocks counted by C(n-1, b-1).
    /// </summary>
    private static long BoundedInterleavings(int k, int bound)
    {
        k++;
        long total = 0;
        for (int blocks = 2; blocks <= Math.Min(bound + 2, 2 * k); blocks++)
        {
            total += 2 * Binomial(k - 1, (blocks + 1) / 2 - 1) * Binomial(k - 1, blocks / 2 - 1);
        }
        return total;
    }

    private static long Binomial(int n, int r)
    {
        if (r < 0 || r > n) return 0;
        long result = 1;
        for (int i = 1; i <= r; i++) result = result * (n - r + i) / i;
        return result;
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Dfs_TwoThreadsWithKWritesEach_ExploresExactlyTwoKChooseKSchedules_AndSaysSpaceExhausted(int k)
    {
        var options = ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(100_000);

        TestReport report = TestingEngine.Explore($"two-writers-{k}", Programs.TwoWriters(k), options);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.Iterations, Is.EqualTo(Interleavings(k)));
        Assert.That(report.DistinctSchedules, Is.EqualTo(Interleavings(k)));
        Assert.That(report.Summary, Does.Contain($"space exhausted: {Interleavings(k)} schedules"));
    }

    [TestCase(3, 0)]
    [TestCase(3, 1)]
    [TestCase(3, 2)]
    [TestCase(4, 1)]
    [TestCase(4, 2)]
    public void Dfs_WithPreemptionBound_ExploresExactlyTheBoundedNumberOfSchedules(int k, int bound)
    {
        var options = ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithPreemptionBound(bound).WithIterations(100_000);

        TestReport report = TestingEngine.Explore($"two-writers-{k}-pb{bound}", Programs.TwoWriters(k), options);

        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.Iterations, Is.EqualTo(BoundedInterleavings(k, bound)));
        Assert.That(report.Iterations, Is.LessThan(Interleavings(k)));
    }

    [Test]
    public void Dfs_PlainCountCheckBeforeTakingALock_IsInterleaved_AndTheDoubleAddIsFound()
    {
        var options = ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(10_000)
            .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces"));

        TestReport report = TestingEngine.Explore("check-count-then-lock", Programs.CheckCountThenLock, options);

        Assert.That(report, Finds.AssertionFailure().Mentioning("both threads saw it empty"));
        Assert.That(report.SpaceExhausted, Is.False);
        Assert.That(report.Bug!.Location, Does.StartWith("Programs.cs:"));
        TestReport replay = TestingEngine.Replay("check-count-then-lock", report.TracePath!, Programs.CheckCountThenLock);
        Assert.That(replay.Bug, Is.EqualTo(report.Bug with { StackTrace = null }));
    }

    [Test]
    public void CappedDfs_VariesAnEarlyChoiceAcrossItsBudget_AndFindsTheDeadlockBehindTheThirdOfNineValues()
    {
        var options = ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(2_000)
            .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces"));

        TestReport report = TestingEngine.Explore("behind-the-third-value", Programs.DeadlockBehindTheThirdOfNineValues, options);

        Assert.That(report, Finds.Deadlock().Mentioning("fork"));
        Assert.That(report.OriginalTrace!.Decisions[0], Is.EqualTo(new Decision(DecisionKind.Integer, 2)));
        Assert.That(report.BugIteration! % 9, Is.EqualTo(2), "each value of the first choice gets every ninth iteration");
        TestReport replay = TestingEngine.Replay("behind-the-third-value", report.TracePath!, Programs.DeadlockBehindTheThirdOfNineValues);
        Assert.That(replay.Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void Dfs_WithAChoiceBeforeTheThreads_StillExploresEverySchedule_UnderEveryValue()
    {
        var options = ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(100_000);

        TestReport report = TestingEngine.Explore("chosen-writer-count", Programs.ChosenWriterCount, options);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.Iterations, Is.EqualTo(Interleavings(1) + Interleavings(2) + Interleavings(3)));
        Assert.That(report.DistinctSchedules, Is.EqualTo(report.Iterations));
    }
}
