using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;
using Lab.Systematic.Strategies;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Testing;

/// <summary>
/// Shortens a liveness witness to a lasso: a prefix, then a cycle of steps that repeats until the bug is reported.
/// Candidates follow the first p scheduling decisions of the found schedule (p = 0, 1, ...) and then run strict
/// round-robin, which is fair, with the recorded data choices; the first that shows the same kind of liveness bug
/// has the shortest prefix this search reaches. The cycle is the shortest period with which the steps repeat to
/// the end. The trace keeps every decision, so it replays as it is; only its rendering is the lasso.
/// </summary>
internal static class LassoMinimizer
{
    /// <summary>A cycle must repeat at least this many times to the end of the trace to count as the lasso's loop.</summary>
    private const int MinimumRepetitions = 3;

    public static ScheduleTrace Minimize(ScheduleTrace original, Action body, ExplorationOptions settings, int budget, OperationThreadPool pool)
    {
        ScheduleTrace best = WithLasso(original);
        List<Decision> scheduling = RecordedChoicesStrategy.SchedulingDecisions(original.Decisions);
        for (int prefix = 0, runs = 0; prefix < scheduling.Count && runs < budget; prefix++, runs++)
        {
            var strategy = new RecordedChoicesStrategy(original.Decisions, new GuidedStrategy(scheduling.Take(prefix).ToList(), new RoundRobinStrategy()));
            ControlledRuntime runtime = SingleRun.Execute(body, settings, strategy, pool);
            if (SingleRun.FailureOf(runtime) is not { } found || found.Kind != original.Bug!.Kind) continue;
            ScheduleTrace candidate = WithLasso(SingleRun.Capture(runtime, original.TestName, original.Strategy, settings, original.Iteration, found) with { Seed = original.Seed });
            if (Shown(candidate) < Shown(best)) best = candidate;
            break;
        }
        return best;
    }

    /// <summary>The steps a reader has to read: the lasso's prefix and one cycle, or every step.</summary>
    private static int Shown(ScheduleTrace trace) => trace.Lasso is { } lasso ? lasso.Start + lasso.Period : trace.Steps.Count;

    /// <summary>The trace with its shortest lasso (smallest prefix plus period), if its steps end in a repeating cycle.</summary>
    public static ScheduleTrace WithLasso(ScheduleTrace trace)
    {
        IReadOnlyList<StepRecord> steps = trace.Steps;
        int n = steps.Count;
        Lasso? best = null;
        for (int period = 1; period * MinimumRepetitions <= n; period++)
        {
            int start = n - period;
            while (start > 0 && Same(steps[start - 1], steps[start - 1 + period])) start--;
            if (n - start < period * MinimumRepetitions) continue;
            if (best is null || start + period < best.Start + best.Period) best = new Lasso(start, period);
        }
        return best is null ? trace : trace with { Lasso = best };
    }

    private static bool Same(StepRecord a, StepRecord b) =>
        a.Operation == b.Operation && a.Location == b.Location && a.Describe() == b.Describe();
}
