using System.Collections.Concurrent;
using System.Diagnostics;
using Lab.Workloads.Gil;
using Lab.Workloads.Measurement;
using Lab.Workloads.Processes;

namespace Lab.Workloads.Overheads;

/// <summary>Measures start-up and per-message costs of threads and worker processes, each as the median of many samples.</summary>
public static class OverheadProbe
{
    private static readonly NoOpItem Empty = new();

    /// <summary>Measures all four overheads; <paramref name="pool"/> must be a started pool, used for the round trips.</summary>
    public static OverheadReport Measure(ProcessPool pool, int processStarts, int messages) => new(
        ThreadStart(messages),
        ProcessStart(processStarts, pool.Options.Launch),
        ThreadHandOff(messages),
        ProcessRoundTrip(pool, messages));

    /// <summary>Median time to create, start and join a thread that does nothing.</summary>
    public static TimeSpan ThreadStart(int samples) => MedianOf(samples, () =>
    {
        var thread = new Thread(static () => { });
        thread.Start();
        thread.Join();
    });

    /// <summary>Median time for a worker process to go from launch to ready, over fresh one-worker pools; null <paramref name="launch"/> locates the worker.</summary>
    public static TimeSpan ProcessStart(int samples, WorkerLaunch? launch = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var startups = new List<TimeSpan>(samples);
        for (int sample = 0; sample < samples; sample++)
        {
            using var single = ProcessPool.Start(ProcessPoolOptions.WithWorkers(1) with { Launch = launch });
            startups.Add(single.WorkerStartupTimes[0]);
        }

        return Median.Of(startups);
    }

    /// <summary>Median round trip of an empty item handed to a dedicated thread through a blocking queue, the in-process analogue of the pool.</summary>
    public static TimeSpan ThreadHandOff(int messages)
    {
        using var queue = new BlockingCollection<(WorkItem Item, TaskCompletionSource<double> Answer)>();
        var consumer = new Thread(() =>
        {
            foreach (var (item, answer) in queue.GetConsumingEnumerable())
            {
                answer.SetResult(item.Run(NoInterpreterLock.Instance));
            }
        })
        { IsBackground = true, Name = "hand-off-consumer" };
        consumer.Start();
        TimeSpan median = MedianOf(messages, () =>
        {
            var answer = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Add((Empty, answer));
            answer.Task.GetAwaiter().GetResult();
        });
        queue.CompleteAdding();
        consumer.Join();
        return median;
    }

    /// <summary>Median round trip of an empty item through <paramref name="pool"/>: queue, pipe, JSON and back.</summary>
    public static TimeSpan ProcessRoundTrip(ProcessPool pool, int messages) =>
        MedianOf(messages, () => pool.SubmitAsync(Empty).GetAwaiter().GetResult());

    private static TimeSpan MedianOf(int samples, Action action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        action();
        var durations = new List<TimeSpan>(samples);
        for (int sample = 0; sample < samples; sample++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            durations.Add(Stopwatch.GetElapsedTime(start));
        }

        return Median.Of(durations);
    }
}
