namespace Lab.Workloads;

/// <summary>A fixed amount of total work that can be split into items for any number of workers, so timings compare strong scaling.</summary>
/// <param name="Name">A short stable identifier used in tables, file names and bench.json.</param>
/// <param name="Kind">Whether the work computes or waits.</param>
/// <param name="Title">A human title for charts.</param>
public abstract record Workload(string Name, WorkloadKind Kind, string Title)
{
    /// <summary>Acquires whatever the items need (a server, a directory) for as long as the returned session lives.</summary>
    public abstract WorkloadSession Open();
}
