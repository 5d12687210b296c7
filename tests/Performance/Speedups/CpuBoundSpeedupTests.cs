using Lab.Performance.Tests.Support;
using Lab.Workloads;
using Lab.Workloads.Cpu;
using Lab.Workloads.Executors;
using Lab.Workloads.Measurement;

namespace Lab.Performance.Tests.Speedups;

/// <summary>
/// CPU-bound work with two workers against the sequential baseline, measured alternately in this test run.
/// Threads, the thread pool and processes must scale with the cores; threads behind an emulated GIL must not.
/// </summary>
[TestFixture]
[Category("Performance")]
public sealed class CpuBoundSpeedupTests
{
    private const int Workers = 2;
    private const int Repetitions = 5;
    private static readonly CosineLoopWorkload Cosine = WorkloadCatalog.Cosine(scale: 1);
    private static readonly SequentialExecutor Sequential = new();

    [Test]
    public void CpuBound_TwoThreads_SpeedUpAtLeast1Point6() =>
        AssertScales("cosine loop, 2 dedicated threads", new DedicatedThreadsExecutor(), minimumPerCore: 0.8);

    [Test]
    public void CpuBound_ThreadPoolWithTwoWorkers_SpeedUpAtLeast1Point6() =>
        AssertScales("cosine loop, Parallel.For with 2 workers", new ThreadPoolExecutor(), minimumPerCore: 0.8);

    [Test]
    public void CpuBound_WarmPoolOfTwoProcesses_SpeedUpAtLeast1Point5()
    {
        using var processes = new ProcessPoolExecutor();
        var pool = processes.EnsurePool(Workers);
        TestContext.Out.WriteLine($"Pool of {Workers} started in {pool.StartupTime.TotalMilliseconds:F1} ms (not part of the timings below).");
        AssertScales("cosine loop, warm pool of 2 worker processes", processes, minimumPerCore: 0.75);
    }

    [Test]
    public void CpuBound_TwoThreadsUnderEmulatedGil_SpeedUpAtMost1Point2AndCpuToWallAtMost1Point3()
    {
        int parallelism = CoreAssumption.ParallelismFor(Workers);
        var gilThreads = new EmulatedGilThreadsExecutor();
        var (comparison, capacity) = CapacityWindow.Around(parallelism, () => Compare(gilThreads));
        ComparisonLog.Print("cosine loop, 2 threads behind the emulated GIL", comparison);
        TestContext.Out.WriteLine($"The GIL was taken {gilThreads.LastGil!.Acquisitions} times, {gilThreads.LastGil.ForcedSwitches} of them forced switches; {parallelism} cores could have run both threads.");
        BusyMachine.ExcuseMissOnlyIfBusy(comparison.Speedup <= 1.2 && comparison.CandidateCpuToWall <= 1.3, capacity, comparison, parallelism);
        Assert.Multiple(() =>
        {
            Assert.That(comparison.Speedup, Is.LessThanOrEqualTo(1.2), "wall-time speedup");
            Assert.That(comparison.CandidateCpuToWall, Is.LessThanOrEqualTo(1.3), "CPU time / wall time: busy cores");
        });
    }

    [Test]
    public void CpuBound_MandelbrotStripOnTwoThreads_DynamicPartitioningBeatsStaticByAtLeast40Percent()
    {
        int parallelism = CoreAssumption.ParallelismFor(Workers);
        var threads = new DedicatedThreadsExecutor();
        var staticItems = WorkloadCatalog.MandelbrotStatic(scale: 1).Split(Workers);
        var dynamicItems = WorkloadCatalog.MandelbrotDynamic(scale: 1).Split(Workers);
        var (comparison, capacity) = CapacityWindow.Around(parallelism, () => SpeedupComparison.Measure(
            () => threads.Run(staticItems, Workers).Measurement,
            () => threads.Run(dynamicItems, Workers).Measurement,
            Repetitions));
        ComparisonLog.Print($"Mandelbrot strip on 2 threads, {staticItems.Count} static blocks (baseline) vs {dynamicItems.Count} dynamic blocks", comparison);
        BusyMachine.ExcuseMissOnlyIfBusy(comparison.Speedup >= 1.4, capacity, comparison, parallelism);
        Assert.That(comparison.Speedup, Is.GreaterThanOrEqualTo(1.4), "static time / dynamic time");
    }

    private static void AssertScales(string label, IExecutor executor, double minimumPerCore)
    {
        int parallelism = CoreAssumption.ParallelismFor(Workers);
        double minimum = minimumPerCore * parallelism;
        var (comparison, capacity) = CapacityWindow.Around(parallelism, () => Compare(executor));
        ComparisonLog.Print(label, comparison);
        bool met = comparison.Speedup >= minimum && comparison.CandidateCpuToWall >= minimum;
        BusyMachine.ExcuseMissOnlyIfBusy(met, capacity, comparison, parallelism);
        Assert.Multiple(() =>
        {
            Assert.That(comparison.Speedup, Is.GreaterThanOrEqualTo(minimum), $"wall-time speedup, expected at least {minimumPerCore} x p");
            Assert.That(comparison.CandidateCpuToWall, Is.GreaterThanOrEqualTo(minimum), "CPU time / wall time: busy cores");
        });
    }

    private static SpeedupComparison Compare(IExecutor executor)
    {
        IReadOnlyList<WorkItem> whole = Cosine.Split(1);
        IReadOnlyList<WorkItem> shares = Cosine.Split(Workers);
        return SpeedupComparison.Measure(
            () => Sequential.Run(whole, 1).Measurement,
            () => executor.Run(shares, Workers).Measurement,
            Repetitions);
    }
}
