namespace Lab.Workloads.Bench;

/// <summary>One entry of the summary line: its key and the cell whose speedup it reports.</summary>
/// <param name="Key">The key as printed, e.g. cpu_threads.</param>
/// <param name="Workload">The workload's name.</param>
/// <param name="Executor">The executor's name.</param>
public sealed record SummaryKey(string Key, string Workload, string Executor);
