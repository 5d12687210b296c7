namespace Lab.Systematic.Testing;

/// <summary>
/// How often the exploration let one timed wait (by source location) be satisfied and how often it let it time out:
/// a wait whose time-out was never explored is a path the exploration did not check.
/// </summary>
public sealed record TimedWaitCount(string Location, int Satisfied, int TimedOut);
