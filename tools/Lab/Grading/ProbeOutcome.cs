using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>What the concurrency probe saw: whether the demanded calls overlapped, after how many schedules, what showed it, and a schedule to show.</summary>
/// <param name="Overlapped">True when the calls ran at the same time as the demand asks.</param>
/// <param name="Schedules">Schedules run (up to the one that decided).</param>
/// <param name="Sample">The schedule that decided (the one where a call waited for the other), or null.</param>
/// <param name="Finding">What was seen, in one or two sentences for the report.</param>
public sealed record ProbeOutcome(bool Overlapped, int Schedules, ScheduleTrace? Sample, string Finding);
