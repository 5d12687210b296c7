using Lab.Cli.Exercises;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;
using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>
/// Checks <see cref="IndependentCalls"/>: each call is paused in turn before each of its steps (found by running it
/// alone first), and the other call must then run to its end alone. A call that blocks, or spins
/// <see cref="SpinLimit"/> steps, while the other is paused waits for it: the two never really overlap. Spins, yields
/// and steps before a lock count for nothing here, since only finishing counts.
/// </summary>
public static class IndependenceProbe
{
    /// <summary>Steps the running call may take alone before it counts as spinning on the paused one (a fine-grained call takes a handful).</summary>
    public const int SpinLimit = 200;

    private const int FirstId = 1, SecondId = 2;

    /// <summary>Pauses each call at each of its steps in turn and checks the other call finishes meanwhile.</summary>
    public static ProbeOutcome Check(IndependentCalls demand, ExerciseSubject subject, int maxSteps)
    {
        int schedules = 0;
        foreach (bool pauseFirst in new[] { true, false })
        {
            (ScheduleTrace alone, PauseStrategy whole) = Run(demand, subject, maxSteps, pauseFirst, int.MaxValue);
            schedules++;
            if (Unusable(alone) is { } problem) return new ProbeOutcome(false, schedules, alone, problem);
            for (int pause = 1; pause < whole.PausedSteps; pause++)
            {
                (ScheduleTrace trace, PauseStrategy strategy) = Run(demand, subject, maxSteps, pauseFirst, pause);
                schedules++;
                if (Unusable(trace) is { } failure) return new ProbeOutcome(false, schedules, trace, failure);
                if (strategy.Blocked || strategy.Spun) return new ProbeOutcome(false, schedules, trace, Waited(trace, strategy, pauseFirst));
            }
        }
        return new ProbeOutcome(true, schedules, null, $"Paused before each of its steps in turn ({schedules} schedules), either call let the other run to its end");
    }

    private static (ScheduleTrace, PauseStrategy) Run(IndependentCalls demand, ExerciseSubject subject, int maxSteps, bool pauseFirst, int pauseAfter)
    {
        bool[] finished = new bool[2];
        var strategy = new PauseStrategy(pauseFirst ? FirstId : SecondId, pauseFirst ? SecondId : FirstId, pauseAfter,
            () => finished[pauseFirst ? 1 : 0], SpinLimit);
        ExplorationOptions options = ExplorationOptions.Default.WithMaxSteps(maxSteps).WithDataRaceDetection(false);
        ScheduleTrace trace = TestingEngine.RecordSchedule(subject.Subject.TestName + " probe", () =>
        {
            object target = subject.Factory();
            var first = new ControlledThread(() =>
            {
                demand.First(target);
                finished[0] = true;
            }, ConcurrencyDemand.FirstThread);
            var second = new ControlledThread(() =>
            {
                demand.Second(target);
                finished[1] = true;
            }, ConcurrencyDemand.SecondThread);
            first.Start();
            second.Start();
            first.Join();
            second.Join();
        }, options, strategy);
        return (trace, strategy);
    }

    /// <summary>Why a probe schedule says nothing about concurrency (the calls fail, or threads were started before them), or null.</summary>
    private static string? Unusable(ScheduleTrace trace)
    {
        if (trace.Bug is { } bug) return $"The probe's calls fail on their own: {bug.Kind}: {bug.Message}";
        bool ours = trace.Operations.Count > SecondId && trace.Operations[FirstId] == ConcurrencyDemand.FirstThread
            && trace.Operations[SecondId] == ConcurrencyDemand.SecondThread;
        return ours ? null : "The implementation starts threads of its own before the calls, so the probe cannot pause one call.";
    }

    /// <summary>Says where the paused call stood and how the other one waited for it.</summary>
    private static string Waited(ScheduleTrace trace, PauseStrategy strategy, bool pauseFirst)
    {
        (string paused, string running) = pauseFirst
            ? (ConcurrencyDemand.FirstThread, ConcurrencyDemand.SecondThread)
            : (ConcurrencyDemand.SecondThread, ConcurrencyDemand.FirstThread);
        int pausedId = pauseFirst ? FirstId : SecondId, runningId = pauseFirst ? SecondId : FirstId;
        int done = strategy.PausedSteps - 1;
        StepRecord? last = trace.Steps.Where(s => s.Operation == pausedId).Take(done).Select(s => (StepRecord?)s).LastOrDefault();
        string at = last is { } step ? $"after {done} of its steps (the last: {step.Describe()} at {step.Location})" : "before its first step";
        StepRecord? wait = strategy.Blocked
            ? trace.Steps.Where(s => s.Operation == runningId && s.Action.EndsWith(" blocks", StringComparison.Ordinal)).Select(s => (StepRecord?)s).FirstOrDefault()
            : null;
        string how = strategy.Spun ? $"ran {SpinLimit} steps without finishing: it spins waiting for {paused}"
            : wait is { } blocked ? $"blocked at {blocked.Describe()} ({blocked.Location}) until {paused} went on"
            : $"could not go on until {paused} did";
        return $"With the {paused} call paused {at}, the {running} call {how}.";
    }
}
