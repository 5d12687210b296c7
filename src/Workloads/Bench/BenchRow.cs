using Lab.Workloads.Measurement;

namespace Lab.Workloads.Bench;

/// <summary>All measurements of one matrix cell, with the medians and the speedup over the sequential baseline.</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Kind">CPU-bound or I/O-bound.</param>
/// <param name="Executor">The executor's name.</param>
/// <param name="Workers">The worker count.</param>
/// <param name="Runs">Every measured run, raw.</param>
/// <param name="Checksum">The sum of item results, equal across executors of the same workload when all did the same work.</param>
/// <param name="Speedup">Median sequential wall time over this cell's median wall time; null until attached.</param>
public sealed record BenchRow(
    string Workload,
    WorkloadKind Kind,
    string Executor,
    int Workers,
    IReadOnlyList<RunMeasurement> Runs,
    double Checksum,
    double? Speedup = null)
{
    /// <summary>The median wall time of the runs.</summary>
    public TimeSpan MedianWall => Median.Of(Runs.Select(run => run.Wall));

    /// <summary>The median CPU time of the runs.</summary>
    public TimeSpan MedianCpu => Median.Of(Runs.Select(run => run.Cpu));

    /// <summary>The median CPU-to-wall ratio of the runs: the busy cores.</summary>
    public double MedianCpuToWall => Median.Of(Runs.Select(run => run.CpuToWall));
}
