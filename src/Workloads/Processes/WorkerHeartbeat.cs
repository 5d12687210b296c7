namespace Lab.Workloads.Processes;

/// <summary>
/// The line a worker writes every <see cref="Interval"/> while an item runs, so the pool can tell a long item from a
/// stopped (SIGSTOP) or hung worker: a worker silent for longer than the pool's heartbeat timeout is killed.
/// </summary>
public static class WorkerHeartbeat
{
    /// <summary>The heartbeat line, never a valid response.</summary>
    public const string Line = "{\"heartbeat\":true}";

    /// <summary>How often a busy worker writes it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
}
