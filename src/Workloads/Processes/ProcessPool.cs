using System.Collections.Concurrent;
using System.Diagnostics;

namespace Lab.Workloads.Processes;

/// <summary>
/// N persistent worker processes fed one item at a time over pipes as JSON lines. A worker that dies holding an item, or
/// that is killed for running past the item time limit or going silent (no heartbeat: stopped or hung), is replaced and
/// the item re-run elsewhere; an item that keeps costing workers fails with <see cref="PoisonWorkItemException"/>, so
/// <see cref="RunAll"/> always returns;
/// disposing stops every worker, politely first and then by force, so none outlives the pool.
/// </summary>
public sealed class ProcessPool : IDisposable
{
    private readonly ProcessPoolOptions _options;
    private readonly WorkerLaunch _launch;
    private readonly BlockingCollection<PendingItem> _queue = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly WorkerProcess?[] _workers;
    private readonly Thread[] _dispatchers;
    private readonly object _registry = new();
    private long _nextRequestId;
    private int _replacedWorkers;
    private bool _disposed;

    private ProcessPool(ProcessPoolOptions options, WorkerLaunch launch, WorkerProcess[] workers, TimeSpan startupTime, IReadOnlyList<TimeSpan> workerStartupTimes)
    {
        _options = options;
        _launch = launch;
        _workers = workers;
        StartupTime = startupTime;
        WorkerStartupTimes = workerStartupTimes;
        _dispatchers = Enumerable.Range(0, workers.Length)
            .Select(slot => new Thread(() => DispatchLoop(slot)) { IsBackground = true, Name = $"process-pool-dispatcher-{slot}" })
            .ToArray();
        foreach (var dispatcher in _dispatchers)
        {
            dispatcher.Start();
        }
    }

    /// <summary>Raised on a dispatcher thread right after an item is written to a worker; handlers must be quick and must not throw.</summary>
    public event EventHandler<ItemDispatchedEventArgs>? ItemDispatched;

    /// <summary>The options the pool was started with, to start another pool like it.</summary>
    public ProcessPoolOptions Options => _options with { Launch = _launch };

    /// <summary>How many worker processes the pool keeps running.</summary>
    public int Size => _workers.Length;

    /// <summary>Wall time from starting the first worker until all had announced themselves: the pool's start-up cost.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Each initial worker's time from launch to ready, the cost of starting one process.</summary>
    public IReadOnlyList<TimeSpan> WorkerStartupTimes { get; }

    /// <summary>How many workers have been replaced after dying.</summary>
    public int ReplacedWorkers => Volatile.Read(ref _replacedWorkers);

    /// <summary>The process ids of the current workers, to observe or (in tests) to kill them.</summary>
    public IReadOnlyList<int> WorkerProcessIds
    {
        get
        {
            lock (_registry)
            {
                return _workers.Where(worker => worker is not null).Select(worker => worker!.ProcessId).ToArray();
            }
        }
    }

    /// <summary>Starts <see cref="ProcessPoolOptions.Workers"/> workers in parallel and waits until all are ready.</summary>
    public static ProcessPool Start(ProcessPoolOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttemptsPerItem, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ItemTimeLimit, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HeartbeatTimeout, WorkerHeartbeat.Interval * 2);
        WorkerLaunch launch = options.Launch ?? WorkerLocator.Locate();
        long start = Stopwatch.GetTimestamp();
        var workers = new List<WorkerProcess>(options.Workers);
        try
        {
            for (int slot = 0; slot < options.Workers; slot++)
            {
                workers.Add(WorkerProcess.Launch(launch));
            }

            TimeSpan[] startupTimes = workers.Select(worker => worker.WaitUntilReady()).ToArray();
            return new ProcessPool(options, launch, [.. workers], Stopwatch.GetElapsedTime(start), startupTimes);
        }
        catch
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }

            throw;
        }
    }

    /// <summary>Queues an item for the next free worker; the task completes with its result or fails with the reason it could not run.</summary>
    public Task<PoolItemResult> SubmitAsync(WorkItem item)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pending = new PendingItem(item);
        _queue.Add(pending);
        return pending.Completion;
    }

    /// <summary>Runs all items across the workers and returns their results in item order; throws the first failure.</summary>
    public IReadOnlyList<PoolItemResult> RunAll(IReadOnlyList<WorkItem> items)
    {
        Task<PoolItemResult>[] tasks = items.Select(SubmitAsync).ToArray();
        return Task.WhenAll(tasks).GetAwaiter().GetResult();
    }

    /// <summary>Stops all workers: closes their input, waits the grace period, kills what is left, and fails items still queued.</summary>
    public void Dispose()
    {
        WorkerProcess[] live;
        lock (_registry)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            live = _workers.OfType<WorkerProcess>().ToArray();
        }

        _disposing.Cancel();
        foreach (var worker in live)
        {
            worker.RequestStop();
        }

        long deadline = Stopwatch.GetTimestamp() + (long)(_options.ShutdownGrace.TotalSeconds * Stopwatch.Frequency);
        foreach (var worker in live)
        {
            TimeSpan remaining = TimeSpan.FromSeconds(Math.Max(0, deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            if (!worker.WaitForExit(remaining))
            {
                worker.Kill();
            }
        }

        foreach (var dispatcher in _dispatchers)
        {
            dispatcher.Join();
        }

        foreach (var worker in _workers)
        {
            worker?.Dispose();
        }

        while (_queue.TryTake(out var pending))
        {
            pending.Fail(new ObjectDisposedException(nameof(ProcessPool), "The pool was disposed before the item ran."));
        }

        _queue.Dispose();
        _disposing.Dispose();
    }

    private void DispatchLoop(int slot)
    {
        try
        {
            foreach (var pending in _queue.GetConsumingEnumerable(_disposing.Token))
            {
                Execute(slot, pending);
            }
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            // Disposal ends the loop; Dispose fails whatever is still queued.
        }
    }

    private void Execute(int slot, PendingItem pending)
    {
        while (true)
        {
            WorkerProcess worker;
            try
            {
                worker = LiveWorker(slot);
            }
            catch (Exception exception) when (exception is WorkerStartException or ObjectDisposedException)
            {
                pending.Fail(exception);
                return;
            }

            int attempt = pending.Crashes.Count + 1;
            var request = new WorkRequest(Interlocked.Increment(ref _nextRequestId), pending.Item);
            WorkResponse? response = worker.TryRoundTrip(
                request,
                () => ItemDispatched?.Invoke(this, new ItemDispatchedEventArgs(worker.ProcessId, pending.Item, attempt)),
                _options.ItemTimeLimit,
                _options.HeartbeatTimeout);
            if (response is not null)
            {
                pending.Succeed(new PoolItemResult(response.Value, attempt, worker.ProcessId, TimeSpan.FromMilliseconds(response.CpuMilliseconds)));
                return;
            }

            if (IsDisposing)
            {
                pending.Fail(new ObjectDisposedException(nameof(ProcessPool), "The pool was disposed while the item was running."));
                return;
            }

            pending.Crashes.Add(Retire(slot, worker));
            if (pending.Crashes.Count >= _options.MaxAttemptsPerItem)
            {
                RestoreWorker(slot);
                pending.Fail(new PoisonWorkItemException(pending.Item, [.. pending.Crashes]));
                return;
            }
        }
    }

    private void RestoreWorker(int slot)
    {
        try
        {
            LiveWorker(slot);
        }
        catch (Exception exception) when (exception is WorkerStartException or ObjectDisposedException)
        {
            // Not lost: the slot stays empty, and the next item sent to it retries the start and fails with this error if it persists.
        }
    }

    private bool IsDisposing
    {
        get
        {
            lock (_registry)
            {
                return _disposed;
            }
        }
    }

    private WorkerProcess LiveWorker(int slot)
    {
        WorkerProcess? current;
        lock (_registry)
        {
            current = _workers[slot];
        }

        if (current is not null && !current.HasExited)
        {
            return current;
        }

        if (current is not null)
        {
            Retire(slot, current);
        }

        WorkerProcess replacement;
        lock (_registry)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            replacement = WorkerProcess.Launch(_launch);
            _workers[slot] = replacement;
        }

        replacement.WaitUntilReady();
        Interlocked.Increment(ref _replacedWorkers);
        return replacement;
    }

    private WorkerExit Retire(int slot, WorkerProcess worker)
    {
        WorkerExit exit = worker.CollectExit();
        lock (_registry)
        {
            if (ReferenceEquals(_workers[slot], worker))
            {
                _workers[slot] = null;
            }
        }

        worker.Dispose();
        return exit;
    }
}
