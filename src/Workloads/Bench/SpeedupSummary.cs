using System.Globalization;
using Lab.Workloads.Executors;

namespace Lab.Workloads.Bench;

/// <summary>The one-line verdict of a bench run: the key speedups with two workers, in a form scripts can grep.</summary>
public static class SpeedupSummary
{
    /// <summary>The worker count the summary reports.</summary>
    public const int Workers = 2;

    /// <summary>The summary's keys and the (workload, executor) each one reports, in order.</summary>
    public static IReadOnlyList<SummaryKey> Keys { get; } =
    [
        new("cpu_threads", "cpu-cosine", DedicatedThreadsExecutor.ExecutorName),
        new("cpu_pool", "cpu-cosine", ThreadPoolExecutor.ExecutorName),
        new("cpu_gil", "cpu-cosine", EmulatedGilThreadsExecutor.ExecutorName),
        new("cpu_processes", "cpu-cosine", ProcessPoolExecutor.ExecutorName),
        new("io_threads", "io-wait", DedicatedThreadsExecutor.ExecutorName),
        new("io_gil", "io-wait", EmulatedGilThreadsExecutor.ExecutorName),
    ];

    /// <summary><c>cpu_threads=1.93 cpu_pool=… io_gil=…</c>, with <c>n/a</c> for anything not measured.</summary>
    public static string Line(IReadOnlyList<BenchRow> rows) => string.Join(' ', Keys.Select(key =>
    {
        double? speedup = rows.FirstOrDefault(row => row.Workload == key.Workload && row.Executor == key.Executor && row.Workers == Workers)?.Speedup;
        return $"{key.Key}={(speedup is { } value ? value.ToString("F2", CultureInfo.InvariantCulture) : "n/a")}";
    }));
}
