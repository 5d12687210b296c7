using Lab.Workloads;
using Lab.Workloads.Bench;
using Lab.Workloads.Measurement;

namespace Lab.Performance.Tests.Bench;

/// <summary>The numbers derived from raw rows: speedups, the summary line, the fits and the warnings.</summary>
[TestFixture]
[Category("Workloads")]
public sealed class BenchDerivationSpecs
{
    [Test]
    public void Attach_DividesTheSequentialMedianByEachRowsMedian()
    {
        var rows = SpeedupAttachment.Attach([Row("w", "sequential", 1, 0.4, 0.6, 0.5), Row("w", "threads", 2, 0.2, 0.3, 0.25)]);
        Assert.That(rows.Select(row => row.Speedup), Is.EqualTo(new double?[] { 1.0, 2.0 }).Within(1e-9));
    }

    [Test]
    public void SummaryLine_ReportsTwoWorkerSpeedupsInAFixedOrder_AndNaForMissingCells()
    {
        var rows = SpeedupAttachment.Attach(
        [
            Row("cpu-cosine", "sequential", 1, 1.0),
            Row("cpu-cosine", "threads", 2, 0.5),
            Row("cpu-cosine", "thread-pool", 2, 0.52),
            Row("cpu-cosine", "gil-threads", 2, 1.0),
            Row("cpu-cosine", "processes", 2, 0.55),
            Row("cpu-cosine", "threads", 4, 0.25),
            Row("io-wait", "sequential", 1, 0.64),
            Row("io-wait", "threads", 2, 0.32),
        ]);
        Assert.That(SpeedupSummary.Line(rows), Is.EqualTo("cpu_threads=2.00 cpu_pool=1.92 cpu_gil=1.00 cpu_processes=1.82 io_threads=2.00 io_gil=n/a"));
    }

    [Test]
    public void FitAll_CountsOnlyCoresAsProcessorsForCpuBoundWork_AndEveryWorkerForIoBoundWork()
    {
        var rows = new[]
        {
            Row("cpu", "threads", 1, 1.0), Row("cpu", "threads", 2, 0.5), Row("cpu", "threads", 4, 0.5), Row("cpu", "threads", 8, 0.5),
            Row("io", "threads", 1, 1.0, kind: WorkloadKind.IoBound), Row("io", "threads", 4, 0.25, kind: WorkloadKind.IoBound),
        };
        var fits = ExecutorFit.FitAll(rows, cores: 2);
        Assert.Multiple(() =>
        {
            Assert.That(fits.Single(fit => fit.Workload == "cpu").Fit.ParallelFraction, Is.EqualTo(1).Within(1e-9), "flat beyond 2 cores is still perfect scaling on 2 cores");
            Assert.That(fits.Single(fit => fit.Workload == "cpu").ProcessorModel, Is.EqualTo(ExecutorFit.CoresModel));
            Assert.That(fits.Single(fit => fit.Workload == "io").Fit.ParallelFraction, Is.EqualTo(1).Within(1e-9));
            Assert.That(fits.Single(fit => fit.Workload == "io").ProcessorModel, Is.EqualTo(ExecutorFit.WorkersModel));
        });
    }

    [Test]
    public void ChecksumMismatches_NameTheCellThatDisagreesWithSequential()
    {
        var rows = new[] { Row("w", "sequential", 1, 1.0, checksum: 10), Row("w", "threads", 2, 0.5, checksum: 10), Row("w", "processes", 2, 0.5, checksum: 9) };
        Assert.That(BenchRunner.ChecksumMismatches(rows), Is.EqualTo(new[] { "checksum mismatch: w / processes / 2 workers gave 9, sequential gave 10" }));
    }

    [TestCase(1.95, 1.9, 0)]
    [TestCase(1.95, 1.2, 1)]
    public void CapacityWarnings_AppearOnlyWhenTheProcessCouldNotGetMostCores(double before, double after, int warnings) =>
        Assert.That(BenchRunner.CapacityWarnings(2, before, after).Count(), Is.EqualTo(warnings));

    private static BenchRow Row(string workload, string executor, int workers, params double[] wallSeconds) =>
        Row(workload, executor, workers, wallSeconds, WorkloadKind.CpuBound, 0);

    private static BenchRow Row(string workload, string executor, int workers, double wallSeconds, WorkloadKind kind = WorkloadKind.CpuBound, double checksum = 0) =>
        Row(workload, executor, workers, [wallSeconds], kind, checksum);

    private static BenchRow Row(string workload, string executor, int workers, double[] wallSeconds, WorkloadKind kind, double checksum) => new(
        workload,
        kind,
        executor,
        workers,
        wallSeconds.Select(seconds => new RunMeasurement(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds))).ToArray(),
        checksum);
}
