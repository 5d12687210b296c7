namespace Lab.Workloads.Measurement;

/// <summary>One timed run: elapsed wall time and the CPU time consumed meanwhile, whose ratio shows how many cores really worked.</summary>
/// <param name="Wall">Elapsed real time.</param>
/// <param name="Cpu">CPU time consumed by every thread involved (and every worker process, for process pools).</param>
public sealed record RunMeasurement(TimeSpan Wall, TimeSpan Cpu)
{
    /// <summary>CPU time per unit of wall time: about 1 for one busy core, about N for N busy cores, near 0 for waiting.</summary>
    public double CpuToWall => Wall > TimeSpan.Zero ? Cpu / Wall : 0;
}
