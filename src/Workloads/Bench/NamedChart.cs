using Lab.Workloads.Charts;

namespace Lab.Workloads.Bench;

/// <summary>A chart and the file name it is written under.</summary>
/// <param name="FileName">The file name, without directory.</param>
/// <param name="Chart">The chart.</param>
public sealed record NamedChart(string FileName, LineChart Chart);
