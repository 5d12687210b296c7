using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;
using Lab.Systematic.Strategies;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Testing;

/// <summary>
/// Shrinks a failing schedule within a budget of re-runs, keeping the bug kind. First fewest preemptions: a
/// preemption-bounded DFS with bounds 0, 1, ... below the found schedule's count stops at the first schedule that
/// fails the same way. Then fewest steps: greedily, one preemption at a time is replaced by letting the preempted
/// operation go on (the rest of the schedule followed while it applies, no new preemptions), keeping a candidate
/// that fails the same way with fewer preemptions, or as many and fewer steps.
/// </summary>
/// <remarks>
/// Liveness bugs are left as found: their witness is the fair schedule itself, and a shortened, non-fair one
/// would no longer prove anything. Everything here is deterministic, so the minimal trace is too.
/// </remarks>
internal static class ScheduleMinimizer
{
    public static ScheduleTrace Minimize(ScheduleTrace original, Action body, ExplorationOptions options)
    {
        if (original.Bug is not { IsProgramBug: true } bug || bug.Kind is BugKind.Livelock or BugKind.Starvation) return original;
        using var pool = new OperationThreadPool();
        var search = new Search(original, body, SingleRun.SettingsOf(original, options), options.MinimizeBudget, pool);
        ScheduleTrace best = search.FewestPreemptions();
        return search.FewerSteps(best);
    }

    private sealed class Search(ScheduleTrace original, Action body, ExplorationOptions settings, int budget, OperationThreadPool pool)
    {
        private int _runs;

        public ScheduleTrace FewestPreemptions()
        {
            for (int bound = 0; bound < original.Preemptions && _runs < budget; bound++)
            {
                var dfs = new DfsStrategy(bound);
                for (int iteration = 0; _runs < budget && dfs.PrepareIteration(iteration); iteration++)
                {
                    var runtime = new ControlledRuntime(settings, dfs, pool);
                    _runs++;
                    if (!runtime.Run(body)) return original;
                    if (SameKind(runtime) is { } found) return Capture(runtime, found);
                }
            }
            return original;
        }

        public ScheduleTrace FewerSteps(ScheduleTrace best)
        {
            bool improved = true;
            while (improved && _runs < budget)
            {
                improved = false;
                ControlledRuntime replay = SingleRun.Execute(body, settings, new ReplayStrategy(best.Decisions, best.Strategy), pool, best.Operations);
                _runs++;
                foreach (PreemptionPoint point in Enumerable.Reverse(replay.PreemptionPoints))
                {
                    if (_runs >= budget) break;
                    var guide = best.Decisions.Take(point.Decision).Append(new Decision(DecisionKind.Operation, point.Preempted))
                        .Concat(best.Decisions.Skip(point.Decision + 1)).ToList();
                    ControlledRuntime candidate = SingleRun.Execute(body, settings, new GuidedStrategy(guide, new NonPreemptiveStrategy()), pool);
                    _runs++;
                    if (SameKind(candidate) is not { } found) continue;
                    if ((candidate.Preemptions, candidate.Steps.Count).CompareTo((best.Preemptions, best.Steps.Count)) >= 0) continue;
                    best = Capture(candidate, found);
                    improved = true;
                    break;
                }
            }
            return best;
        }

        private BugReport? SameKind(ControlledRuntime runtime) =>
            SingleRun.FailureOf(runtime) is { } found && found.Kind == original.Bug!.Kind ? found : null;

        private ScheduleTrace Capture(ControlledRuntime runtime, BugReport found) =>
            SingleRun.Capture(runtime, original.TestName, original.Strategy, settings, original.Iteration, found) with { Seed = original.Seed };
    }
}
