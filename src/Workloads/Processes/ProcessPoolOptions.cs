namespace Lab.Workloads.Processes;

/// <summary>How a process pool is sized and how patient it is with crashing items and slow shutdowns.</summary>
/// <param name="Workers">How many worker processes run at once.</param>
/// <param name="MaxAttemptsPerItem">How many workers one item may crash before it is declared poison and fails.</param>
/// <param name="ShutdownGrace">How long disposal waits for workers to exit by themselves before killing them.</param>
/// <param name="Launch">How to start a worker; null means <see cref="WorkerLocator.Locate()"/>.</param>
public sealed record ProcessPoolOptions(int Workers, int MaxAttemptsPerItem, TimeSpan ShutdownGrace, WorkerLaunch? Launch = null)
{
    /// <summary>Sensible defaults: three attempts per item and two seconds of grace.</summary>
    public static ProcessPoolOptions WithWorkers(int workers) => new(workers, 3, TimeSpan.FromSeconds(2));
}
