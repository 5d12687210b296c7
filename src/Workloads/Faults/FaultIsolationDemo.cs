using System.Diagnostics;
using Lab.Workloads.Cpu;
using Lab.Workloads.Executors;
using Lab.Workloads.Processes;

namespace Lab.Workloads.Faults;

/// <summary>
/// The same faulting item run two ways. On a thread, the unhandled exception terminates the whole process, healthy work
/// included; in a process pool, only the worker that ran it dies, and the pool replaces it and carries on.
/// </summary>
public static class FaultIsolationDemo
{
    /// <summary>The lab-worker argument that runs <see cref="RunOnDedicatedThreads"/> instead of serving a pool.</summary>
    public const string FaultOnThreadArgument = "fault-on-thread";

    /// <summary>Printed only if the threaded run survives, which it must not.</summary>
    public const string CompletedMarker = "fault-on-thread: all items completed";

    /// <summary>The faulting item both halves use.</summary>
    public static FaultItem Fault { get; } = new("injected fault: this work item has a bug");

    /// <summary>Healthy items paired with the fault: small, with a known result.</summary>
    public static WorkItem HealthyItem { get; } = new PrimeCountItem(0, 10_000);

    /// <summary>The number of primes below 10 000, the healthy item's result.</summary>
    public const double HealthyResult = 1229;

    /// <summary>
    /// Runs healthy items and the fault on dedicated threads of the current process. The fault terminates the process,
    /// so call this only in a disposable child (lab-worker fault-on-thread); returning would mean the fault did not take it down.
    /// </summary>
    public static int RunOnDedicatedThreads()
    {
        WorkItem[] items = [HealthyItem, Fault, HealthyItem, HealthyItem];
        new DedicatedThreadsExecutor().Run(items, workers: 2);
        Console.WriteLine(CompletedMarker);
        return 0;
    }

    /// <summary>Runs <see cref="RunOnDedicatedThreads"/> in a child worker process and reports how the child ended.</summary>
    public static ChildProcessOutcome RunOnDedicatedThreadsInChild(WorkerLaunch launch, TimeSpan timeout)
    {
        WorkerLaunch faultMode = launch.WithExtraArguments(FaultOnThreadArgument);
        var startInfo = new ProcessStartInfo(faultMode.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (string argument in faultMode.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var child = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{faultMode}'.");
        Task<string> output = child.StandardOutput.ReadToEndAsync();
        Task<string> error = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(timeout))
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            throw new TimeoutException($"'{faultMode}' neither crashed nor finished within {timeout}.");
        }

        child.WaitForExit();
        return new ChildProcessOutcome(child.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    /// <summary>Submits healthy items and the fault to <paramref name="pool"/> together, then checks the pool still serves.</summary>
    public static PoolFaultOutcome RunOnProcessPool(ProcessPool pool, int healthyItems)
    {
        int replacedBefore = pool.ReplacedWorkers;
        Task<PoolItemResult>[] healthy = Enumerable.Range(0, healthyItems).Select(_ => pool.SubmitAsync(HealthyItem)).ToArray();
        Task<PoolItemResult> faulting = pool.SubmitAsync(Fault);
        // Wait for every outcome, success or failure, without rethrowing the faulting item's error here: it is part of the result.
        Task.WhenAll(healthy.Append(faulting)).ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        int completed = healthy.Count(task => task.IsCompletedSuccessfully && task.Result.Value == HealthyResult);
        Exception? faultError = faulting.Exception?.InnerException;
        bool servedAfterwards = pool.SubmitAsync(HealthyItem).GetAwaiter().GetResult().Value == HealthyResult;
        return new PoolFaultOutcome(healthyItems, completed, faultError, pool.ReplacedWorkers - replacedBefore, servedAfterwards);
    }
}
