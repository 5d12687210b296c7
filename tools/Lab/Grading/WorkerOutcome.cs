namespace Lab.Cli.Grading;

/// <summary>How a worker process ended: its exit code (null when killed at the time limit) and what it printed.</summary>
/// <param name="ExitCode">The exit code, or null when the parent killed it.</param>
/// <param name="TimedOut">True when it outlived the time limit and was killed.</param>
/// <param name="Output">Its standard output (the result line, if it got that far).</param>
/// <param name="Error">Its standard error (runtime crash messages).</param>
/// <param name="Elapsed">Wall-clock time from start to end.</param>
/// <param name="CpuTime">Processor time it used, the measure its time limit applies to.</param>
public sealed record WorkerOutcome(int? ExitCode, bool TimedOut, string Output, string Error, TimeSpan Elapsed, TimeSpan CpuTime);
