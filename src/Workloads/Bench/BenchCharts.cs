using Lab.Workloads.Charts;
using Lab.Workloads.Executors;

namespace Lab.Workloads.Bench;

/// <summary>Turns bench rows into the classic plots: time against workers for one workload, one line per executor.</summary>
public static class BenchCharts
{
    /// <summary>One chart per workload, in workload order; the sequential baseline is drawn as a dashed flat line.</summary>
    public static IReadOnlyList<NamedChart> Create(BenchResult result) => result.Workloads
        .Select(workload => new NamedChart(FileNameFor(workload.Name), ChartFor(workload, result.Rows, result.Machine.ProcessorCount)))
        .Where(named => named.Chart.Series.Count > 0)
        .ToArray();

    /// <summary>The chart file name of a workload.</summary>
    public static string FileNameFor(string workload) => $"bench-{workload}.svg";

    /// <summary>Time against workers for one workload.</summary>
    public static LineChart ChartFor(BenchWorkload workload, IReadOnlyList<BenchRow> rows, int cores)
    {
        BenchRow[] own = rows.Where(row => row.Workload == workload.Name).ToArray();
        int[] workerCounts = own.Select(row => row.Workers).Distinct().Order().ToArray();
        IEnumerable<ChartSeries> series = own
            .GroupBy(row => row.Executor)
            .Select(group => group.Key == SequentialExecutor.ExecutorName
                ? new ChartSeries(group.Key, workerCounts.Select(workers => new ChartPoint(workers, group.First().MedianWall.TotalSeconds)).ToArray(), Dashed: true)
                : new ChartSeries(group.Key, group.OrderBy(row => row.Workers).Select(row => new ChartPoint(row.Workers, row.MedianWall.TotalSeconds)).ToArray()));
        return new LineChart($"{workload.Title} ({cores} cores)", "workers", "time (s)", series.ToArray(), AxisScale.Log2);
    }
}
