namespace Lab.Workloads.Processes;

/// <summary>What the pool reports for one finished item: the result and what it took to get it.</summary>
/// <param name="Value">The item's result, as computed in the worker.</param>
/// <param name="Attempts">How many workers the item was given to; more than one means earlier workers died.</param>
/// <param name="WorkerProcessId">The process that produced the result.</param>
/// <param name="WorkerCpu">CPU time the worker spent on the item, including parsing the request and writing the answer.</param>
public sealed record PoolItemResult(double Value, int Attempts, int WorkerProcessId, TimeSpan WorkerCpu);
