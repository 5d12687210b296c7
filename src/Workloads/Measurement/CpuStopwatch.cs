using System.Diagnostics;

namespace Lab.Workloads.Measurement;

/// <summary>Measures wall time and this process's CPU time over the same interval.</summary>
public readonly struct CpuStopwatch
{
    private readonly long _startTimestamp;
    private readonly TimeSpan _startCpu;

    private CpuStopwatch(long startTimestamp, TimeSpan startCpu)
    {
        _startTimestamp = startTimestamp;
        _startCpu = startCpu;
    }

    /// <summary>Starts measuring now.</summary>
    public static CpuStopwatch StartNew() => new(Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);

    /// <summary>The wall time and process CPU time since start, plus CPU time spent elsewhere (such as in worker processes).</summary>
    public RunMeasurement Stop(TimeSpan externalCpu = default) =>
        new(Stopwatch.GetElapsedTime(_startTimestamp), Environment.CpuUsage.TotalTime - _startCpu + externalCpu);
}
