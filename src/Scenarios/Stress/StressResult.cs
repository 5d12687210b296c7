namespace Lab.Scenarios.Stress;

/// <summary>What repeated real runs of a scenario's harness saw.</summary>
public sealed record StressResult
{
    /// <summary>The scenario's id.</summary>
    public required string ScenarioId { get; init; }

    /// <summary>The variant run, or null for an implementation given by a factory.</summary>
    public Variant? Variant { get; init; }

    /// <summary>Runs started (each a fresh implementation and fresh threads).</summary>
    public required int Runs { get; init; }

    /// <summary>Runs that ended with a failed <c>Specification.Assert</c>.</summary>
    public int AssertionFailures { get; init; }

    /// <summary>Runs that ended with another exception, from the harness or one of its threads.</summary>
    public int Exceptions { get; init; }

    /// <summary>Runs that did not finish within the run timeout (deadlock, lost wake-up, livelock); their threads were abandoned.</summary>
    public int Hangs { get; init; }

    /// <summary>Wall-clock time spent.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The first failure seen, in words.</summary>
    public string? FirstFailure { get; init; }

    /// <summary>For the store-buffering litmus test: the outcome counts (then <see cref="BugRuns"/> counts r1 = r2 = 0).</summary>
    public StoreBufferingOutcomes? Litmus { get; init; }

    /// <summary>Runs in which the bug showed.</summary>
    public int BugRuns => Litmus?.BothZero is { } weak ? (int)Math.Min(weak, int.MaxValue) : AssertionFailures + Exceptions + Hangs;

    /// <summary>True if any run showed the bug.</summary>
    public bool SawBug => BugRuns > 0;

    /// <summary>One line: runs, bug runs by kind, time.</summary>
    public string Summary => Litmus is { } litmus
        ? $"{ScenarioId}: {litmus.Summary}"
        : $"{ScenarioId}: {BugRuns} of {Runs} real runs showed the bug ({AssertionFailures} assertion failures, {Exceptions} exceptions, " +
          $"{Hangs} hangs) in {Elapsed.TotalMilliseconds:0} ms" + (FirstFailure is null ? "" : $"; first: {FirstFailure}");
}

/// <summary>How often each outcome (r1, r2) of the store-buffering litmus test was observed.</summary>
public sealed record StoreBufferingOutcomes(long BothZero, long ZeroOne, long OneZero, long BothOne, TimeSpan Elapsed)
{
    /// <summary>All runs.</summary>
    public long Runs => BothZero + ZeroOne + OneZero + BothOne;

    /// <summary>The outcome counts in words; r1 = r2 = 0 is the one sequential consistency forbids.</summary>
    public string Summary =>
        $"{Runs} real runs in {Elapsed.TotalMilliseconds:0} ms: (r1, r2) = (0, 0) {BothZero} times [forbidden under sequential consistency], " +
        $"(0, 1) {ZeroOne}, (1, 0) {OneZero}, (1, 1) {BothOne}";
}
