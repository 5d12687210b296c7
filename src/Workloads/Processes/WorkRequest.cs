namespace Lab.Workloads.Processes;

/// <summary>The message a pool sends a worker: one item and an id to match the answer to it.</summary>
/// <param name="Id">Unique per pool, echoed back in the response.</param>
/// <param name="Item">The work to do.</param>
public sealed record WorkRequest(long Id, WorkItem Item);
