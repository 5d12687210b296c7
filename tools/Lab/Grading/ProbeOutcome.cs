using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>What the concurrency probe saw: whether the two calls ever overlapped, after how many schedules, and one schedule to show.</summary>
/// <param name="Overlapped">True when some schedule let the two calls run at the same time.</param>
/// <param name="Schedules">Schedules tried (up to the one that overlapped).</param>
/// <param name="Sample">The overlapping schedule, or else the first complete one (to show how the calls were serialised).</param>
public sealed record ProbeOutcome(bool Overlapped, int Schedules, ScheduleTrace? Sample);
