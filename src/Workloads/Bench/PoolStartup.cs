namespace Lab.Workloads.Bench;

/// <summary>What starting a process pool of a given size cost, measured apart from the work it then did.</summary>
/// <param name="Workers">The pool size.</param>
/// <param name="Startup">Wall time until every worker was ready.</param>
/// <param name="MedianWorkerStartup">The median launch-to-ready time of a single worker in that pool.</param>
public sealed record PoolStartup(int Workers, TimeSpan Startup, TimeSpan MedianWorkerStartup);
