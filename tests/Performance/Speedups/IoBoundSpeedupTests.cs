using Lab.Performance.Tests.Support;
using Lab.Workloads;
using Lab.Workloads.Executors;
using Lab.Workloads.Io;
using Lab.Workloads.Measurement;

namespace Lab.Performance.Tests.Speedups;

/// <summary>
/// I/O-bound work (32 waits of 20 ms) with 16 workers against the sequential baseline. Waiting needs no cores, so the
/// expectation does not depend on the core count, and a GIL released around I/O must not spoil it.
/// </summary>
[TestFixture]
[Category("Performance")]
public sealed class IoBoundSpeedupTests
{
    private const int Workers = 16;
    private const int Repetitions = 3;
    private const double Minimum = 8;
    private static readonly BlockingWaitWorkload Waits = WorkloadCatalog.Waits(scale: 1);

    [Test]
    public void IoBound_SixteenThreads_SpeedUpAtLeast8() =>
        AssertSpeedup("32 waits of 20 ms, 16 dedicated threads", new DedicatedThreadsExecutor());

    [Test]
    public void IoBound_SixteenThreadsUnderEmulatedGil_SpeedUpAtLeast8() =>
        AssertSpeedup("32 waits of 20 ms, 16 threads behind the emulated GIL", new EmulatedGilThreadsExecutor());

    [Test]
    public void IoBound_SixteenAsyncTasks_SpeedUpAtLeast8() =>
        AssertSpeedup("32 waits of 20 ms, 16 async loops", new AsyncTasksExecutor());

    private static void AssertSpeedup(string label, IExecutor executor)
    {
        TestContext.Out.WriteLine($"Assumption: waiting needs no cores, so {Workers} workers should overlap {Workers} waits on any machine ({Environment.ProcessorCount} cores here).");
        IReadOnlyList<WorkItem> items = Waits.Split();
        var comparison = SpeedupComparison.Measure(
            () => new SequentialExecutor().Run(items, 1).Measurement,
            () => executor.Run(items, Workers).Measurement,
            Repetitions);
        ComparisonLog.Print(label, comparison);
        Assert.That(comparison.Speedup, Is.GreaterThanOrEqualTo(Minimum), "wall-time speedup");
    }
}
