namespace Lab.Workloads.Processes;

/// <summary>An item crashed every worker process it was given to, so the pool stopped retrying it instead of crashing workers forever.</summary>
public sealed class PoisonWorkItemException : Exception
{
    /// <summary>Creates the exception from the item and the exits of the workers it took down.</summary>
    public PoisonWorkItemException(WorkItem item, IReadOnlyList<WorkerExit> crashes)
        : base(Describe(item, crashes))
    {
        Item = item;
        Crashes = crashes;
    }

    /// <summary>The item that keeps crashing workers.</summary>
    public WorkItem Item { get; }

    /// <summary>How each attempt ended, oldest first.</summary>
    public IReadOnlyList<WorkerExit> Crashes { get; }

    private static string Describe(WorkItem item, IReadOnlyList<WorkerExit> crashes)
    {
        WorkerExit last = crashes[^1];
        string ended = last.KillReason is null ? $"exited with code {last.ExitCode}" : "ended";
        return $"Work item {item} crashed its worker process on all {crashes.Count} attempts, so the pool gave up on it. "
            + $"The last worker (pid {last.ProcessId}) {ended}: {last.Headline}";
    }
}
