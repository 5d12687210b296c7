using Lab.Workloads.Gil;
using Lab.Workloads.Measurement;

namespace Lab.Workloads.Executors;

/// <summary>
/// N dedicated threads that must hold one <see cref="EmulatedGil"/> to run, as Python threads must hold the GIL:
/// computing threads take turns every switch interval, threads waiting on I/O release it and overlap freely.
/// </summary>
public sealed class EmulatedGilThreadsExecutor : IExecutor
{
    /// <summary>The executor's name in results.</summary>
    public const string ExecutorName = "gil-threads";

    private readonly TimeSpan _switchInterval;

    /// <summary>Uses CPython's default 5 ms switch interval.</summary>
    public EmulatedGilThreadsExecutor()
        : this(EmulatedGil.CPythonSwitchInterval)
    {
    }

    /// <summary>Uses a chosen switch interval.</summary>
    public EmulatedGilThreadsExecutor(TimeSpan switchInterval) => _switchInterval = switchInterval;

    /// <inheritdoc />
    public string Name => ExecutorName;

    /// <summary>The lock used by the most recent run, to inspect how often it switched.</summary>
    public EmulatedGil? LastGil { get; private set; }

    /// <inheritdoc />
    public bool Supports(WorkloadKind kind) => true;

    /// <inheritdoc />
    public ExecutionReport Run(IReadOnlyList<WorkItem> items, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var gil = new EmulatedGil(_switchInterval);
        var results = new double[items.Count];
        var queue = new WorkQueue(items.Count);
        var clock = CpuStopwatch.StartNew();
        Thread[] threads = Enumerable.Range(0, workers)
            .Select(worker => new Thread(() =>
            {
                gil.Acquire();
                while (queue.TryTake(out int k))
                {
                    results[k] = items[k].Run(gil);
                }

                gil.Release();
            })
            { IsBackground = true, Name = $"gil-thread-{worker}" })
            .ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        LastGil = gil;
        return new ExecutionReport(results, clock.Stop());
    }
}
