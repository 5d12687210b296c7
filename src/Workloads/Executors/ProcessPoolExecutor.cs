using Lab.Workloads.Measurement;
using Lab.Workloads.Processes;

namespace Lab.Workloads.Executors;

/// <summary>
/// Runs batches on a warm <see cref="ProcessPool"/> of N workers, like <c>multiprocessing.Pool</c>. A pool is started on
/// first use for a worker count and kept (one per count) for later batches, so start-up cost is paid, and reported, once
/// and separately. CPU time is this process's plus the CPU time every worker reports for its items.
/// </summary>
public sealed class ProcessPoolExecutor : IExecutor, IDisposable
{
    /// <summary>The executor's name in results.</summary>
    public const string ExecutorName = "processes";

    private readonly Func<int, ProcessPoolOptions> _optionsFor;
    private readonly Dictionary<int, ProcessPool> _pools = [];

    /// <summary>Uses default pool options and the located worker.</summary>
    public ProcessPoolExecutor()
        : this(ProcessPoolOptions.WithWorkers)
    {
    }

    /// <summary>Uses <paramref name="optionsFor"/> to configure the pool for a worker count.</summary>
    public ProcessPoolExecutor(Func<int, ProcessPoolOptions> optionsFor) => _optionsFor = optionsFor;

    /// <inheritdoc />
    public string Name => ExecutorName;

    /// <summary>The pools kept warm, one per worker count used so far.</summary>
    public IReadOnlyCollection<ProcessPool> Pools => _pools.Values;

    /// <inheritdoc />
    public bool Supports(WorkloadKind kind) => true;

    /// <summary>Whether a pool of <paramref name="workers"/> is already running.</summary>
    public bool HasPool(int workers) => _pools.ContainsKey(workers);

    /// <summary>The running pool of <paramref name="workers"/>, started now if there is none yet.</summary>
    public ProcessPool EnsurePool(int workers)
    {
        if (!_pools.TryGetValue(workers, out ProcessPool? pool))
        {
            pool = ProcessPool.Start(_optionsFor(workers));
            _pools[workers] = pool;
        }

        return pool;
    }

    /// <inheritdoc />
    public ExecutionReport Run(IReadOnlyList<WorkItem> items, int workers)
    {
        ProcessPool pool = EnsurePool(workers);
        var clock = CpuStopwatch.StartNew();
        IReadOnlyList<PoolItemResult> results = pool.RunAll(items);
        TimeSpan workerCpu = results.Aggregate(TimeSpan.Zero, (sum, result) => sum + result.WorkerCpu);
        return new ExecutionReport(results.Select(result => result.Value).ToArray(), clock.Stop(workerCpu));
    }

    /// <summary>Stops every pool and its workers.</summary>
    public void Dispose()
    {
        foreach (var pool in _pools.Values)
        {
            pool.Dispose();
        }

        _pools.Clear();
    }
}
