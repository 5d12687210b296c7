using Lab.Systematic.Testing;
using Lab.Systematic.NUnit;

namespace Lab.Systematic.Tests.Strategies;

public sealed class DfsTests
{
    /// <summary>Orders of two sequences of k writes: C(2k, k).</summary>
    private static long Interleavings(int k) => Binomial(2 * k, k);

    /// <summary>
    /// Orders with at most <paramref name="bound"/> preemptions. An order is m alternating blocks; every switch is a
    /// preemption except the one where the first thread to finish finishes, so it has m - 2 preemptions. With m
    /// blocks starting with a given thread, that thread has ceil(m/2) blocks and the other floor(m/2), each split of
    /// k writes into b non-empty blocks counted by C(k-1, b-1).
    /// </summary>
    private static long BoundedInterleavings(int k, int bound)
    {
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
}
