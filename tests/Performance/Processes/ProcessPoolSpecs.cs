using Lab.Performance.Tests.Support;
using Lab.Workloads;
using Lab.Workloads.Cpu;
using Lab.Workloads.Faults;
using Lab.Workloads.Gil;
using Lab.Workloads.Io;
using Lab.Workloads.Processes;

namespace Lab.Performance.Tests.Processes;

[TestFixture]
[Category("Workloads")]
public sealed class ProcessPoolSpecs
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public void RunAll_ReturnsEachItemsResultInItemOrder()
    {
        WorkItem[] items = EvenSplit.Ranges(200_000, 8).Select(range => (WorkItem)new PrimeCountItem(range.Start, range.End)).ToArray();
        using var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(2));
        var results = pool.RunAll(items);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(result => result.Value), Is.EqualTo(items.Select(item => item.Run(NoInterpreterLock.Instance))));
            Assert.That(results.Select(result => result.Attempts), Is.All.EqualTo(1));
            Assert.That(results.Select(result => result.WorkerProcessId).Distinct(), Is.SubsetOf(pool.WorkerProcessIds));
        });
    }

    [Test]
    public void WorkerKilledMidItem_IsReplaced_AndTheItemIsRerunToCompletion()
    {
        using var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(1));
        int victim = pool.WorkerProcessIds.Single();
        pool.ItemDispatched += (_, dispatched) =>
        {
            if (dispatched.Attempt == 1)
            {
                using var process = System.Diagnostics.Process.GetProcessById(dispatched.WorkerProcessId);
                process.Kill();
            }
        };

        PoolItemResult result = pool.SubmitAsync(new BlockingWaitItem(LatencyMilliseconds: 300)).WaitAsync(Patience).GetAwaiter().GetResult();
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(300), "the item's own result, not a placeholder");
            Assert.That(result.Attempts, Is.EqualTo(2), "killed once, re-run once");
            Assert.That(result.WorkerProcessId, Is.Not.EqualTo(victim));
            Assert.That(pool.ReplacedWorkers, Is.EqualTo(1));
            Assert.That(pool.WorkerProcessIds, Has.Count.EqualTo(1).And.Not.Contains(victim));
            Assert.That(ProcessTable.IsRunning(victim), Is.False);
        });
    }

    [Test]
    public void StoppedWorker_IsKilledOnItsMissedHeartbeat_AndTheItemIsRerunElsewhere()
    {
        Assume.That(OperatingSystem.IsLinux(), "SIGSTOP is a Unix signal");
        using var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(1) with { HeartbeatTimeout = TimeSpan.FromSeconds(2) });
        int victim = pool.WorkerProcessIds.Single();
        pool.ItemDispatched += (_, dispatched) =>
        {
            if (dispatched.Attempt == 1) Signal("-STOP", dispatched.WorkerProcessId);
        };

        IReadOnlyList<PoolItemResult> results = Task.Run(() => pool.RunAll([new BlockingWaitItem(LatencyMilliseconds: 1500)])).WaitAsync(Patience).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Value, Is.EqualTo(1500), "the item's own result, from the second worker");
            Assert.That(results.Single().Attempts, Is.EqualTo(2));
            Assert.That(results.Single().WorkerProcessId, Is.Not.EqualTo(victim));
            Assert.That(ProcessTable.IsRunning(victim), Is.False, "the stopped worker was killed, not left behind");
        });
    }

    [Test]
    public void HungItem_PastTheItemTimeLimit_FailsAsPoison_AndRunAllReturns()
    {
        using var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(1) with { MaxAttemptsPerItem = 2, ItemTimeLimit = TimeSpan.FromSeconds(1) });

        var failure = Assert.Throws<PoisonWorkItemException>(() =>
            Task.Run(() => pool.RunAll([new BlockingWaitItem(LatencyMilliseconds: 600_000)])).WaitAsync(Patience).GetAwaiter().GetResult());

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Crashes, Has.Count.EqualTo(2));
            Assert.That(failure.Message, Does.Contain("ran past its time limit of 1 s"));
            Assert.That(failure.Crashes.Select(c => c.ProcessId), Has.All.Matches<int>(pid => !ProcessTable.IsRunning(pid)));
        });
    }

    [Test]
    public void PoisonItem_FailsAfterTheBoundedNumberOfAttempts_WithAClearError()
    {
        using var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(1) with { MaxAttemptsPerItem = 3 });
        var poison = new FaultItem("poison for the pool test");
        var failure = Assert.ThrowsAsync<PoisonWorkItemException>(async () => await pool.SubmitAsync(poison).WaitAsync(Patience));
        Assert.Multiple(() =>
        {
            Assert.That(failure!.Crashes, Has.Count.EqualTo(3));
            Assert.That(failure.Crashes.Select(crash => crash.ExitCode), Is.All.Not.EqualTo(0));
            Assert.That(failure.Crashes.Select(crash => crash.ProcessId).Distinct().Count(), Is.EqualTo(3), "three different workers died");
            Assert.That(failure.Item, Is.EqualTo(poison));
            Assert.That(failure.Message, Does.Contain("crashed its worker process on all 3 attempts"));
            Assert.That(failure.Message, Does.Contain(nameof(InjectedFaultException)).And.Contain("poison for the pool test"));
        });
    }

    [Test]
    public void AfterAPoisonItem_ThePoolStillServesOtherItems()
    {
        using var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(1) with { MaxAttemptsPerItem = 2 });
        Task<PoolItemResult> poisoned = pool.SubmitAsync(new FaultItem("poison"));
        PoolItemResult healthy = pool.SubmitAsync(new PrimeCountItem(0, 100)).WaitAsync(Patience).GetAwaiter().GetResult();
        Assert.Multiple(() =>
        {
            Assert.That(poisoned.IsFaulted && poisoned.Exception!.InnerException is PoisonWorkItemException, Is.True);
            Assert.That(healthy.Value, Is.EqualTo(25));
        });
    }

    [Test]
    public void Dispose_LeavesNoWorkerProcessRunning()
    {
        var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(3));
        pool.RunAll([new PrimeCountItem(0, 1000), new PrimeCountItem(1000, 2000), new PrimeCountItem(2000, 3000)]);
        IReadOnlyList<int> workers = pool.WorkerProcessIds;
        Assert.That(workers.Select(ProcessTable.IsRunning), Is.All.True, "precondition: the workers are running");

        pool.Dispose();

        Assert.That(workers.Where(ProcessTable.IsRunning), Is.Empty);
    }

    [Test]
    public void Dispose_WhileAnItemRuns_KillsTheBusyWorkerAfterTheGracePeriod_AndFailsTheItem()
    {
        var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(1) with { ShutdownGrace = TimeSpan.FromMilliseconds(200) });
        int worker = pool.WorkerProcessIds.Single();
        using var dispatched = new ManualResetEventSlim();
        pool.ItemDispatched += (_, _) => dispatched.Set();
        Task<PoolItemResult> running = pool.SubmitAsync(new BlockingWaitItem(LatencyMilliseconds: 60_000));
        Assert.That(dispatched.Wait(Patience), Is.True, "precondition: the worker holds the item");

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        pool.Dispose();
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(ProcessTable.IsRunning(worker), Is.False);
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "disposal did not wait for the minute-long item");
            Assert.That(() => running.WaitAsync(Patience).GetAwaiter().GetResult(), Throws.TypeOf<ObjectDisposedException>());
        });
    }

    [Test]
    public void Start_WithAWorkerThatCannotStart_FailsWithAClearError()
    {
        var missing = new WorkerLaunch(Path.Combine(Path.GetTempPath(), "no-such-dir", "lab-worker"), []);
        Assert.That(
            () => ProcessPool.Start(ProcessPoolOptions.WithWorkers(1) with { Launch = missing }),
            Throws.TypeOf<WorkerStartException>().With.Message.Contains("no-such-dir"));
    }

    private static void Signal(string signal, int processId)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
