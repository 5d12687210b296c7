namespace Lab.Cli.Grading;

/// <summary>How a worker process ended: its exit code (null when killed at the time limit) and what it printed.</summary>
/// <param name="ExitCode">The exit code, or null when the parent killed it.</param>
/// <param name="TimedOut">True when it outlived the time limit and was killed.</param>
/// <param name="Output">Its standard output (never trusted for the result: student code can write it).</param>
/// <param name="Error">Its standard error (runtime crash messages).</param>
/// <param name="Elapsed">Wall-clock time from start to end.</param>
/// <param name="CpuTime">Processor time it used, the measure its time limit applies to.</param>
public sealed record WorkerOutcome(int? ExitCode, bool TimedOut, string Output, string Error, TimeSpan Elapsed, TimeSpan CpuTime)
{
    /// <summary>The lines it sent on its <see cref="WorkerChannel"/>: phases, then the result.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The last phase it reported, or null when it reported none.</summary>
    public string? LastPhase => Messages.LastOrDefault(m => m.StartsWith(WorkerChannel.PhasePrefix, StringComparison.Ordinal))?[WorkerChannel.PhasePrefix.Length..];

    /// <summary>The JSON of the result it sent, or null.</summary>
    public string? ResultJsonText => Messages.LastOrDefault(m => m.StartsWith(WorkerChannel.ResultPrefix, StringComparison.Ordinal))?[WorkerChannel.ResultPrefix.Length..];
}
