using System.Text;
using Lab.Systematic.Detection;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Testing;

/// <summary>What an exploration or a replay found, with what it cost and how to reproduce it.</summary>
public sealed record TestReport
{
    /// <summary>The explored test's name.</summary>
    public required string TestName { get; init; }

    /// <summary>The strategy, with its parameters.</summary>
    public required string Strategy { get; init; }

    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Iterations run (including the failing one).</summary>
    public required int Iterations { get; init; }

    /// <summary>Distinct schedules among them (by their decision sequences).</summary>
    public required int DistinctSchedules { get; init; }

    /// <summary>Scheduling decisions made over all iterations.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>Wall-clock time of the whole run, including minimisation and writing traces.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Wall-clock time from the start until the failing iteration was done (null when nothing was found).</summary>
    public TimeSpan? TimeToBug { get; init; }

    /// <summary>The iteration of <see cref="FirstRace"/>.</summary>
    public int? FirstRaceIteration { get; init; }

    /// <summary>True when the exploration went on past a data race looking for a stronger bug (<see cref="ExplorationOptions.ContinueAfterDataRace"/>).</summary>
    public bool ContinuedAfterDataRace { get; init; }

    /// <summary>Per timed wait (by source location), how often the exploration let it be satisfied and how often time out.</summary>
    public IReadOnlyList<TimedWaitCount> TimedWaits { get; init; } = [];

    /// <summary>Iterations cut off by the step bound without counting as a bug (unfair schedules of spinning code).</summary>
    public int IterationsAtStepBound { get; init; }

    /// <summary>True when DFS explored every schedule within its bound.</summary>
    public bool SpaceExhausted { get; init; }

    /// <summary>
    /// DPOR only: how many Mazurkiewicz traces the executions that ran to their end covered (classes of schedules
    /// that order every pair of dependent steps alike, so they reach the same states); null for other strategies.
    /// </summary>
    public int? MazurkiewiczTraces { get; init; }

    /// <summary>DPOR only: the bound its exhaustion holds within, e.g. "300 steps, 2 preemptions"; null for other strategies.</summary>
    public string? Bound { get; init; }

    /// <summary>True when this report comes from replaying a trace.</summary>
    public bool IsReplay { get; init; }

    /// <summary>The bug found, or null.</summary>
    public BugReport? Bug { get; init; }

    /// <summary>The iteration (from 0) that found the bug.</summary>
    public int? BugIteration { get; init; }

    /// <summary>The failing schedule.</summary>
    public ScheduleTrace? Trace { get; init; }

    /// <summary>Where the failing schedule was saved.</summary>
    public string? TracePath { get; init; }

    /// <summary>The failing schedule as found, before minimisation (the same as <see cref="Trace"/> when nothing shrank).</summary>
    public ScheduleTrace? OriginalTrace { get; init; }

    /// <summary>Where the schedule as found was saved.</summary>
    public string? OriginalTracePath { get; init; }

    /// <summary>The first data race seen in any iteration, even when a stronger bug is the one reported.</summary>
    public BugReport? FirstRace { get; init; }

    /// <summary>True when nothing was found.</summary>
    public bool IsBugFree => Bug is null;

    /// <summary>The replay command with "{trace}" standing for the trace's path (from <see cref="ExplorationOptions.ReplayHint"/>).</summary>
    public string? ReplayHint { get; init; }

    /// <summary>The command that replays the failing schedule.</summary>
    public string? ReplayCommand => TracePath is null ? null
        : (ReplayHint ?? $"{TestingEngine.ReplayVariable}=\"{{trace}}\" dotnet test").Replace("{trace}", TracePath, StringComparison.Ordinal);

    /// <summary>One line: what was run and what came of it.</summary>
    public string Summary
    {
        get
        {
            string space = MazurkiewiczTraces is { } traces
                ? SpaceExhausted ? $", space exhausted: {Iterations} interleavings ({traces} Mazurkiewicz traces) within bound {Bound}"
                : Bug is null ? $", not exhausted: {Iterations} interleavings ({traces} Mazurkiewicz traces) so far, bound {Bound}" : ""
                : SpaceExhausted ? $", space exhausted: {DistinctSchedules} schedules" : "";
            string outcome = Bug is null ? "no bug found"
                : $"{Bug.Kind} found in iteration {BugIteration}" + (TimeToBug is { } found ? $" after {found.TotalMilliseconds:0} ms" : "");
            return $"{TestName}: {outcome} ({Strategy}, seed {Seed}, {Iterations} iterations, {DistinctSchedules} distinct schedules, " +
                   $"{TotalSteps} steps, {Elapsed.TotalMilliseconds:0} ms in all{space}{DataRaceHandling})";
        }
    }

    /// <summary>What the exploration did on meeting a data race: stopped, or went on looking for a stronger bug.</summary>
    private string DataRaceHandling => (FirstRace, Bug?.Kind, ContinuedAfterDataRace) switch
    {
        (null, _, _) => "",
        (_, BugKind.DataRace, false) => "; stopped at the first data race, WithContinueAfterDataRace(true) looks on for a stronger bug",
        (_, BugKind.DataRace, true) => $"; went on past the data race of iteration {FirstRaceIteration} looking for a stronger bug and found none",
        (_, _, true) => $"; went on past the data race of iteration {FirstRaceIteration} and found this stronger bug",
        _ => $"; iteration {FirstRaceIteration} also has a data race",
    };

    /// <summary>The full account: summary, bug, readable interleaving, trace path and replay command.</summary>
    public string Describe(int edgeRows = 30)
    {
        var text = new StringBuilder().AppendLine(Summary);
        if (Bug is not null)
        {
            text.AppendLine($"{Bug.Kind}: {Bug.Message}");
            if (Bug.Location is not null) text.AppendLine($"  at {Bug.Location}" + (Bug.Operation is null ? "" : $" in {Bug.Operation}"));
            if (Bug.StackTrace is not null) text.AppendLine(Bug.StackTrace);
        }
        if (Trace is not null && Trace.Steps.Count > 0) text.AppendLine().Append(TraceRenderer.Render(Trace with { Bug = null }, edgeRows));
        if (OriginalTrace is not null && Trace is not null && !ReferenceEquals(OriginalTrace, Trace))
        {
            text.AppendLine().AppendLine($"minimised: {OriginalTrace.Preemptions} → {Trace.Preemptions} preemptions, " +
                                         $"{OriginalTrace.Steps.Count} → {Trace.Steps.Count} steps (as found: {OriginalTracePath})");
        }
        if (TimedWaits.Count > 0)
        {
            text.AppendLine().AppendLine("timed waits explored (satisfied / timed out):");
            foreach (TimedWaitCount wait in TimedWaits)
            {
                text.AppendLine($"  {wait.Location}: {wait.Satisfied} / {wait.TimedOut}" + (wait.TimedOut == 0 ? "   (its time-out was never explored)" : ""));
            }
        }
        if (TracePath is not null) text.AppendLine().AppendLine($"trace: {TracePath}").AppendLine($"replay: {ReplayCommand}");
        return text.ToString();
    }
}
