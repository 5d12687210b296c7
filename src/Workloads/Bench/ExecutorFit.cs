using Lab.Workloads.Analysis;
using Lab.Workloads.Executors;

namespace Lab.Workloads.Bench;

/// <summary>The Amdahl fit of one executor's scaling curve on one workload.</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Executor">The executor's name.</param>
/// <param name="Fit">The fitted serial and parallel parts.</param>
/// <param name="ProcessorModel">How worker counts were turned into processor counts for the fit.</param>
public sealed record ExecutorFit(string Workload, string Executor, AmdahlFit Fit, string ProcessorModel)
{
    /// <summary>Processor model for CPU-bound work: workers beyond the core count add no processors.</summary>
    public const string CoresModel = "min(workers, cores)";

    /// <summary>Processor model for I/O-bound work: every worker is another concurrent waiter.</summary>
    public const string WorkersModel = "workers";

    /// <summary>One fit per workload and non-sequential executor that has at least two distinct processor counts.</summary>
    public static IReadOnlyList<ExecutorFit> FitAll(IReadOnlyList<BenchRow> rows, int cores) => rows
        .Where(row => row.Executor != SequentialExecutor.ExecutorName)
        .GroupBy(row => (row.Workload, row.Executor))
        .Select(group =>
        {
            bool cpuBound = group.First().Kind == WorkloadKind.CpuBound;
            ScalingPoint[] points = group
                .Select(row => new ScalingPoint(cpuBound ? Math.Min(row.Workers, cores) : row.Workers, row.MedianWall.TotalSeconds))
                .ToArray();
            return points.Select(point => point.Processors).Distinct().Count() < 2
                ? null
                : new ExecutorFit(group.Key.Workload, group.Key.Executor, AmdahlFit.Fit(points), cpuBound ? CoresModel : WorkersModel);
        })
        .OfType<ExecutorFit>()
        .ToArray();
}
