namespace Lab.Workloads.Faults;

/// <summary>How a child process ended and what it printed, to judge from outside whether a fault took it down.</summary>
/// <param name="ExitCode">The child's exit code; non-zero after an unhandled exception (134, an abort, on Linux).</param>
/// <param name="StandardOutput">Everything it wrote to standard output.</param>
/// <param name="StandardError">Everything it wrote to standard error, where .NET reports unhandled exceptions.</param>
public sealed record ChildProcessOutcome(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Whether the child died before finishing: a failing exit code and no completion marker.</summary>
    public bool Crashed => ExitCode != 0 && !StandardOutput.Contains(FaultIsolationDemo.CompletedMarker, StringComparison.Ordinal);
}
