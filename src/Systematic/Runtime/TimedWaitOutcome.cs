namespace Lab.Systematic.Runtime;

/// <summary>How one timed wait of an iteration ended, and where it was made: for the report's count of outcomes per wait.</summary>
internal readonly record struct TimedWaitOutcome(string File, int Line, bool TimedOut);
