using Lab.Workloads;
using Lab.Workloads.Bench;
using Lab.Workloads.Executors;

namespace Lab.Performance.Tests.Bench;

[TestFixture]
[Category("Workloads")]
public sealed class BenchPlanSpecs
{
    private static readonly IReadOnlyList<Workload> Workloads = [WorkloadCatalog.Cosine(0.01), WorkloadCatalog.Waits(0.1)];

    [Test]
    public void Cells_RunTheSequentialBaselineOncePerWorkload_WithOneWorker()
    {
        using var processes = new ProcessPoolExecutor();
        var cells = BenchPlan.Cells(Workloads, BenchRunner.StandardExecutors(processes), [1, 2, 4]);
        var sequential = cells.Where(cell => cell.Executor is SequentialExecutor).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(sequential.Select(cell => cell.Workload.Name), Is.EqualTo(new[] { "cpu-cosine", "io-wait" }));
            Assert.That(sequential.Select(cell => cell.Workers), Is.All.EqualTo(1));
        });
    }

    [Test]
    public void Cells_OfferAsyncTasksOnlyToIoBoundWorkloads()
    {
        using var processes = new ProcessPoolExecutor();
        var cells = BenchPlan.Cells(Workloads, BenchRunner.StandardExecutors(processes), [1, 2]);
        var asyncKinds = cells.Where(cell => cell.Executor is AsyncTasksExecutor).Select(cell => cell.Workload.Kind).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(asyncKinds, Is.Not.Empty);
            Assert.That(asyncKinds, Is.All.EqualTo(WorkloadKind.IoBound));
        });
    }

    [Test]
    public void Cells_CoverWorkloadsTimesExecutorsTimesWorkerCounts_EachWorkloadTogetherWithItsBaselineFirst()
    {
        using var processes = new ProcessPoolExecutor();
        var cells = BenchPlan.Cells(Workloads, BenchRunner.StandardExecutors(processes), [4, 1, 2]);
        var cpu = cells.TakeWhile(cell => cell.Workload.Name == "cpu-cosine").ToArray();
        // cpu: 4 parallel executors × 3 counts + sequential; io: 5 × 3 + sequential.
        Assert.Multiple(() =>
        {
            Assert.That(cells, Has.Count.EqualTo((4 * 3) + 1 + (5 * 3) + 1));
            Assert.That(cpu, Has.Length.EqualTo((4 * 3) + 1), "the CPU workload's cells come first, all together");
            Assert.That(cpu[0].Executor, Is.TypeOf<SequentialExecutor>());
            Assert.That(cpu.Select(cell => cell.Workers), Is.Ordered.Ascending);
            Assert.That(cells.Select(cell => (cell.Workload.Name, cell.Executor.Name, cell.Workers)), Is.Unique);
        });
    }
}
