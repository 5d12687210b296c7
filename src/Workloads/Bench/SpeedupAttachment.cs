using Lab.Workloads.Executors;

namespace Lab.Workloads.Bench;

/// <summary>Fills in each row's speedup relative to the sequential row of the same workload.</summary>
public static class SpeedupAttachment
{
    /// <summary>The rows with <see cref="BenchRow.Speedup"/> set wherever the workload has a sequential row.</summary>
    public static IReadOnlyList<BenchRow> Attach(IReadOnlyList<BenchRow> rows)
    {
        Dictionary<string, TimeSpan> baselines = rows
            .Where(row => row.Executor == SequentialExecutor.ExecutorName)
            .GroupBy(row => row.Workload)
            .ToDictionary(group => group.Key, group => group.First().MedianWall);
        return rows
            .Select(row => baselines.TryGetValue(row.Workload, out TimeSpan baseline) && row.MedianWall > TimeSpan.Zero
                ? row with { Speedup = baseline / row.MedianWall }
                : row)
            .ToArray();
    }
}
