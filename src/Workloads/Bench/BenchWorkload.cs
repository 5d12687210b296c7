namespace Lab.Workloads.Bench;

/// <summary>A workload as recorded in results: its name, kind, title and exact parameters, so a run can be reproduced.</summary>
/// <param name="Name">The workload's stable name.</param>
/// <param name="Kind">CPU-bound or I/O-bound.</param>
/// <param name="Title">The chart title.</param>
/// <param name="Parameters">The workload's full definition as text.</param>
public sealed record BenchWorkload(string Name, WorkloadKind Kind, string Title, string Parameters)
{
    /// <summary>Records <paramref name="workload"/>.</summary>
    public static BenchWorkload From(Workload workload) => new(workload.Name, workload.Kind, workload.Title, workload.ToString());
}
