using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;
using Lab.Systematic.Strategies;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Testing;

/// <summary>
/// Shrinks a failing schedule within a budget of re-runs, keeping the bug kind and the data choices the bug needed
/// (every candidate answers each <c>Choice</c> as the recording did). First fewer preemptions, cheaply: seen as
/// runs of one operation, the schedule loses one switch at a time by merging a run into another run of the same
/// operation. Then the fewest: a preemption-bounded
/// DFS with bounds 0, 1, ... below the best count so far stops at the first schedule that fails the same way (first
/// searching only where to preempt, then, with the budget left, every interleaving), so the result has the fewest
/// preemptions any schedule with those choices needs, budget permitting. Then fewer steps, by
/// the same merging, keeping a candidate with fewer preemptions, or as many and fewer steps.
/// </summary>
/// <remarks>
/// Liveness bugs are shortened by <see cref="LassoMinimizer"/> instead: their witness must stay a fair schedule.
/// Everything here is deterministic, so the minimal trace is too.
/// </remarks>
internal static class ScheduleMinimizer
{
    public static ScheduleTrace Minimize(ScheduleTrace original, Action body, ExplorationOptions options)
    {
        if (original.Bug is not { IsProgramBug: true } bug) return original;
        using var pool = new OperationThreadPool();
        ExplorationOptions settings = SingleRun.SettingsOf(original, options);
        if (bug.Kind is BugKind.Livelock or BugKind.Starvation) return LassoMinimizer.Minimize(original, body, settings, options.MinimizeBudget, pool);
        var search = new Search(original, body, settings, options.MinimizeBudget, pool);
        ScheduleTrace best = search.Shorten(original, preemptionsOnly: true);
        best = search.FewestPreemptions(best);
        return search.Shorten(best, preemptionsOnly: false);
    }

    private sealed class Search(ScheduleTrace original, Action body, ExplorationOptions settings, int budget, OperationThreadPool pool)
    {
        private int _runs;

        /// <summary>
        /// Bounded DFS (data choices as recorded) for each bound below the best count so far: first over where to
        /// preempt only (non-preemptive switches go to the oldest enabled operation), a small search even with many
        /// threads; then, with the budget left, over every interleaving.
        /// </summary>
        public ScheduleTrace FewestPreemptions(ScheduleTrace best)
        {
            foreach (bool everyInterleaving in new[] { false, true })
            {
                for (int bound = 0; bound < best.Preemptions && _runs < budget; bound++)
                {
                    ISchedulingStrategy dfs = everyInterleaving ? new DfsStrategy(bound) : new PreemptionPointStrategy(new DfsStrategy(bound));
                    if (FirstFailure(new RecordedChoicesStrategy(original.Decisions, dfs)) is { } found) return found;
                }
            }
            return best;
        }

        /// <summary>Runs the strategy's iterations until one fails the same way, the strategy is done, or the budget is.</summary>
        private ScheduleTrace? FirstFailure(ISchedulingStrategy strategy)
        {
            for (int iteration = 0; _runs < budget && strategy.PrepareIteration(iteration); iteration++)
            {
                var runtime = new ControlledRuntime(settings, strategy, pool);
                _runs++;
                if (!runtime.Run(body)) return null;
                if (SameKind(runtime) is { } found) return Capture(runtime, found);
            }
            return null;
        }

        /// <summary>
        /// Greedily removes switches: the schedule is seen as runs of one operation, and a preemption between runs is
        /// removed by merging the preempted operation's next run into the one it was preempted in, or the new run
        /// into that operation's previous run. With <paramref name="preemptionsOnly"/>, keeps only candidates with
        /// fewer preemptions; otherwise also ones with as many and fewer steps.
        /// </summary>
        public ScheduleTrace Shorten(ScheduleTrace best, bool preemptionsOnly)
        {
            bool improved = true;
            while (improved && _runs < budget)
            {
                improved = false;
                foreach (List<ScheduleRun> candidateRuns in MergedRuns(best))
                {
                    if (_runs >= budget) break;
                    var strategy = new RecordedChoicesStrategy(original.Decisions, new RunScheduleStrategy(candidateRuns));
                    ControlledRuntime candidate = SingleRun.Execute(body, settings, strategy, pool);
                    _runs++;
                    if (SameKind(candidate) is not { } found) continue;
                    bool better = preemptionsOnly
                        ? candidate.Preemptions < best.Preemptions
                        : (candidate.Preemptions, candidate.Steps.Count).CompareTo((best.Preemptions, best.Steps.Count)) < 0;
                    if (!better) continue;
                    best = Capture(candidate, found);
                    improved = true;
                    break;
                }
            }
            return best;
        }

        /// <summary>For each switch between runs, latest first: the runs with that switch merged away, both ways.</summary>
        private static IEnumerable<List<ScheduleRun>> MergedRuns(ScheduleTrace trace)
        {
            List<ScheduleRun> runs = RunScheduleStrategy.RunsOf(RecordedChoicesStrategy.SchedulingDecisions(trace.Decisions).Select(d => d.Value));
            if (runs.Count > 0 && runs[0].Operation != 0) runs.Insert(0, new ScheduleRun(0, 0)); // main ran before the first decision
            for (int k = runs.Count - 2; k >= 0; k--)
            {
                int preempted = runs[k].Operation, next = runs[k + 1].Operation;
                int later = runs.FindIndex(k + 2, r => r.Operation == preempted);
                if (later >= 0)
                {
                    var merged = new List<ScheduleRun>(runs);
                    merged[k] = merged[k] with { Length = merged[k].Length + merged[later].Length };
                    merged.RemoveAt(later);
                    yield return merged;
                }
                int earlier = runs.FindLastIndex(k, r => r.Operation == next);
                if (earlier >= 0)
                {
                    var merged = new List<ScheduleRun>(runs);
                    merged[earlier] = merged[earlier] with { Length = merged[earlier].Length + merged[k + 1].Length };
                    merged.RemoveAt(k + 1);
                    yield return merged;
                }
            }
        }

        private BugReport? SameKind(ControlledRuntime runtime) =>
            SingleRun.FailureOf(runtime) is { } found && found.Kind == original.Bug!.Kind ? found : null;

        private ScheduleTrace Capture(ControlledRuntime runtime, BugReport found) =>
            SingleRun.Capture(runtime, original.TestName, original.Strategy, settings, original.Iteration, found) with { Seed = original.Seed };
    }
}
