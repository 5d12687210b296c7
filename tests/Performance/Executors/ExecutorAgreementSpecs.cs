using Lab.Workloads;
using Lab.Workloads.Cpu;
using Lab.Workloads.Executors;
using Lab.Workloads.Io;

namespace Lab.Performance.Tests.Executors;

/// <summary>Every executor does the same work: the same results per item as running them one by one.</summary>
[TestFixture]
[Category("Workloads")]
public sealed class ExecutorAgreementSpecs
{
    private static readonly Workload[] SmallWorkloads =
    [
        new PrimeCountWorkload(Limit: 50_000, Chunks: 7),
        new MandelbrotWorkload(new MandelbrotView(64, 32, 200), Partitioning.Static, RowsPerDynamicItem: 2),
        new MandelbrotWorkload(new MandelbrotView(64, 32, 200), Partitioning.Dynamic, RowsPerDynamicItem: 3),
        new BlockingWaitWorkload(Items: 6, LatencyMilliseconds: 1),
        new FileOverwriteWorkload(Items: 5, WritesPerItem: 3, Bytes: 512),
        new LoopbackEchoWorkload(Items: 5, RequestsPerItem: 2, PayloadBytes: 300, ResponseDelayMilliseconds: 1),
    ];

    private ProcessPoolExecutor _processes = null!;

    private static readonly string[] ExecutorNames =
    [
        DedicatedThreadsExecutor.ExecutorName,
        ThreadPoolExecutor.ExecutorName,
        AsyncTasksExecutor.ExecutorName,
        EmulatedGilThreadsExecutor.ExecutorName,
        ProcessPoolExecutor.ExecutorName,
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from workers in new[] { 1, 3 }
        from workload in SmallWorkloads
        from executor in ExecutorNames
        where executor != AsyncTasksExecutor.ExecutorName || workload.Kind == WorkloadKind.IoBound
        select new TestCaseData(workload, executor, workers).SetArgDisplayNames(workload.Name, executor, workers.ToString());

    [OneTimeSetUp]
    public void StartProcesses() => _processes = new ProcessPoolExecutor();

    [OneTimeTearDown]
    public void StopProcesses() => _processes.Dispose();

    [TestCaseSource(nameof(Cases))]
    public void Executor_GivesEachItemTheSameResultAsSequentialExecution(Workload workload, string executorName, int workers)
    {
        IExecutor executor = Executor(executorName);
        using WorkloadSession session = workload.Open();
        IReadOnlyList<WorkItem> items = session.CreateItems(workers);

        var expected = new SequentialExecutor().Run(items, 1).Results;
        var actual = executor.Run(items, workers).Results;

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void AsyncTasks_SupportOnlyIoBoundWork() => Assert.Multiple(() =>
    {
        Assert.That(new AsyncTasksExecutor().Supports(WorkloadKind.IoBound), Is.True);
        Assert.That(new AsyncTasksExecutor().Supports(WorkloadKind.CpuBound), Is.False);
    });

    [Test]
    public void WorkQueue_UnderContention_HandsOutEveryIndexExactlyOnce()
    {
        const int count = 200_000;
        var queue = new WorkQueue(count);
        var taken = new int[count];
        Thread[] takers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            while (queue.TryTake(out int index))
            {
                Interlocked.Increment(ref taken[index]);
            }
        })).ToArray();
        foreach (var taker in takers)
        {
            taker.Start();
        }

        foreach (var taker in takers)
        {
            taker.Join();
        }

        Assert.That(taken, Is.All.EqualTo(1));
    }

    private IExecutor Executor(string name) => name switch
    {
        DedicatedThreadsExecutor.ExecutorName => new DedicatedThreadsExecutor(),
        ThreadPoolExecutor.ExecutorName => new ThreadPoolExecutor(),
        AsyncTasksExecutor.ExecutorName => new AsyncTasksExecutor(),
        EmulatedGilThreadsExecutor.ExecutorName => new EmulatedGilThreadsExecutor(),
        ProcessPoolExecutor.ExecutorName => _processes,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown executor"),
    };
}
