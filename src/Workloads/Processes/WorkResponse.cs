namespace Lab.Workloads.Processes;

/// <summary>The message a worker sends back: the item's result and the CPU time the worker spent on it.</summary>
/// <param name="Id">The id of the request this answers.</param>
/// <param name="Value">The item's result.</param>
/// <param name="CpuMilliseconds">Worker process CPU time from receiving the request to sending this answer.</param>
public sealed record WorkResponse(long Id, double Value, double CpuMilliseconds);
