namespace Lab.Workloads.Processes;

/// <summary>How a worker process ended: its exit code and the last lines it wrote to standard error, which usually name the crash.</summary>
/// <param name="ProcessId">The process that ended.</param>
/// <param name="ExitCode">Its exit code; for a crash on Linux typically 128 + signal, e.g. 134 for an abort.</param>
/// <param name="ErrorTail">The last lines of its standard error.</param>
public sealed record WorkerExit(int ProcessId, int ExitCode, IReadOnlyList<string> ErrorTail)
{
    /// <summary>Why the pool killed it (a missed heartbeat, the item time limit), or null when it died by itself.</summary>
    public string? KillReason { get; init; }

    /// <summary>The pool's kill reason, else the first line of the error tail that reads like an exception, else the first line, else a placeholder.</summary>
    public string Headline =>
        KillReason
        ?? ErrorTail.FirstOrDefault(line => line.Contains("exception", StringComparison.OrdinalIgnoreCase))
        ?? ErrorTail.FirstOrDefault()
        ?? "(no output on standard error)";
}
