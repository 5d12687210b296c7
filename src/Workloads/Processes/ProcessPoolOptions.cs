namespace Lab.Workloads.Processes;

/// <summary>How a process pool is sized and how patient it is with crashing items, slow items, silent workers and slow shutdowns.</summary>
/// <param name="Workers">How many worker processes run at once.</param>
/// <param name="MaxAttemptsPerItem">How many workers one item may crash (or be killed on) before it is declared poison and fails.</param>
/// <param name="ShutdownGrace">How long disposal waits for workers to exit by themselves before killing them.</param>
/// <param name="Launch">How to start a worker; null means <see cref="WorkerLocator.Locate()"/>.</param>
public sealed record ProcessPoolOptions(int Workers, int MaxAttemptsPerItem, TimeSpan ShutdownGrace, WorkerLaunch? Launch = null)
{
    /// <summary>The longest one attempt at an item may run before its worker is killed and the attempt counts as a crash (default 10 minutes).</summary>
    public TimeSpan ItemTimeLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a busy worker may go without a heartbeat before it is taken for stopped or hung and killed (default 10 s).</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sensible defaults: three attempts per item and two seconds of grace.</summary>
    public static ProcessPoolOptions WithWorkers(int workers) => new(workers, 3, TimeSpan.FromSeconds(2));
}
