namespace Lab.Workloads.Bench;

/// <summary>The files a bench run wrote, to tell the user where to look.</summary>
/// <param name="Json">The path of bench.json.</param>
/// <param name="Charts">The paths of the SVG charts, one per workload.</param>
public sealed record BenchFiles(string Json, IReadOnlyList<string> Charts);
