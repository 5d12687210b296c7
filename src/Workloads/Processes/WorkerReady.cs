namespace Lab.Workloads.Processes;

/// <summary>The first line a worker writes, which marks the end of its start-up.</summary>
/// <param name="ProcessId">The worker's process id, as the worker itself sees it.</param>
public sealed record WorkerReady(int ProcessId);
