using Lab.Workloads.Cpu;
using Lab.Workloads.Gil;

namespace Lab.Workloads.Measurement;

/// <summary>
/// How many cores this process can actually get right now: the same spin run on one thread, then on N threads at once.
/// A busy neighbour on a shared machine shows up here, so a disappointing speedup can be told apart from a broken executor.
/// </summary>
public static class ParallelCapacity
{
    private const long SpinIterations = 1_500_000;

    /// <summary>The median over <paramref name="samples"/> of N × t(1 thread) / t(N threads at once), ideally min(N, cores).</summary>
    public static double Measure(int threads, int samples = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        SpinOn(1);
        return Median.Of(Enumerable.Range(0, samples).Select(_ => threads * SpinOn(1).TotalSeconds / SpinOn(threads).TotalSeconds));
    }

    private static TimeSpan SpinOn(int threads)
    {
        var clock = CpuStopwatch.StartNew();
        Thread[] spinners = Enumerable.Range(0, threads)
            .Select(_ => new Thread(() => CosineLoop.Compute(SpinIterations, NoInterpreterLock.Instance)) { IsBackground = true })
            .ToArray();
        foreach (var spinner in spinners)
        {
            spinner.Start();
        }

        foreach (var spinner in spinners)
        {
            spinner.Join();
        }

        return clock.Stop().Wall;
    }
}
