using Lab.Systematic.Detection;

namespace Lab.Systematic.Traces;

/// <summary>
/// Everything needed to re-run one iteration exactly: the settings, the operations by stable name (creation order,
/// never OS ids), every decision, and the visible steps with their source lines (for people and for divergence checks).
/// </summary>
public sealed record ScheduleTrace
{
    /// <summary>The format tag written into every trace file.</summary>
    public const string FormatTag = "lab-trace/1";

    /// <summary>The explored test's name; a replay checks it so a trace cannot be replayed against another test.</summary>
    public required string TestName { get; init; }

    /// <summary>The strategy that produced the schedule, with its parameters.</summary>
    public required string Strategy { get; init; }

    /// <summary>The exploration's seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The iteration (from 0) that produced the schedule.</summary>
    public required int Iteration { get; init; }

    /// <summary>The step bound the iteration ran under.</summary>
    public required int MaxSteps { get; init; }

    /// <summary>The liveness bound the iteration ran under.</summary>
    public required int LivenessBound { get; init; }

    /// <summary>Whether data-race detection was on.</summary>
    public required bool DetectDataRaces { get; init; }

    /// <summary>The failure this schedule shows, if any.</summary>
    public BugReport? Bug { get; init; }

    /// <summary>Operation names in creation order: index = operation id.</summary>
    public required IReadOnlyList<string> Operations { get; init; }

    /// <summary>Every decision of the iteration, in order.</summary>
    public required IReadOnlyList<Decision> Decisions { get; init; }

    /// <summary>Every visible step, in order.</summary>
    public required IReadOnlyList<StepRecord> Steps { get; init; }

    /// <summary>How many times the schedule switched away from an operation that could have gone on.</summary>
    public int Preemptions { get; init; }

    /// <summary>For a liveness witness whose steps end in a repeating cycle: where the cycle starts and how long it is.</summary>
    public Lasso? Lasso { get; init; }
}
