using System.Runtime;
using System.Runtime.InteropServices;

namespace Lab.Workloads.Bench;

/// <summary>The machine the numbers were measured on; speedups mean nothing without it.</summary>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
/// <param name="CpuModel">The CPU model from /proc/cpuinfo, when available.</param>
/// <param name="OperatingSystem">The OS description.</param>
/// <param name="Framework">The .NET runtime description.</param>
/// <param name="Architecture">The process architecture.</param>
/// <param name="TotalMemoryBytes">Memory available to the GC.</param>
/// <param name="ServerGc">Whether the server garbage collector is on.</param>
/// <param name="MeasuredAt">When the run started.</param>
public sealed record MachineDescription(
    int ProcessorCount,
    string? CpuModel,
    string OperatingSystem,
    string Framework,
    string Architecture,
    long TotalMemoryBytes,
    bool ServerGc,
    DateTimeOffset MeasuredAt)
{
    /// <summary>Describes the current machine and process.</summary>
    public static MachineDescription Current() => new(
        Environment.ProcessorCount,
        CpuModelName(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        GCSettings.IsServerGC,
        DateTimeOffset.UtcNow);

    private static string? CpuModelName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return null;
        }

        string? line = File.ReadLines(cpuInfo).FirstOrDefault(text => text.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
