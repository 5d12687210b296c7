namespace Lab.Workloads.Overheads;

/// <summary>The fixed costs that decide when processes pay off: starting a worker and handing it one message, for threads and processes.</summary>
/// <param name="ThreadStart">Median time to create, start and join an empty thread.</param>
/// <param name="ProcessStart">Median time from launching a worker process to its ready message.</param>
/// <param name="ThreadHandOff">Median round trip of an empty item to a waiting thread and back.</param>
/// <param name="ProcessRoundTrip">Median round trip of an empty item through a warm process pool (queue, pipe, JSON both ways).</param>
public sealed record OverheadReport(TimeSpan ThreadStart, TimeSpan ProcessStart, TimeSpan ThreadHandOff, TimeSpan ProcessRoundTrip);
