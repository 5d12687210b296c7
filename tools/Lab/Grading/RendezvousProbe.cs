using Lab.Cli.Exercises;
using Lab.Systematic.Strategies;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;
using Barrier = Lab.Systematic.Threading.Barrier;
using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>
/// Checks a <see cref="SharedSection"/>: two threads enter the section, and each, once inside, waits at a barrier for
/// the other to be inside too. A schedule in which both pass the barrier proves both were inside at once; behind an
/// exclusive lock the second never gets in (a deadlock, or a spin up to the step bound), whatever it does meanwhile.
/// </summary>
public static class RendezvousProbe
{
    /// <summary>Tries up to <paramref name="attempts"/> seeded random schedules and stops at the first where both threads were inside at once.</summary>
    public static ProbeOutcome Search(SharedSection demand, ExerciseSubject subject, int maxSteps, ulong seed, int attempts)
    {
        ScheduleTrace? sample = null;
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            ulong attemptSeed = DeterministicRandom.Derive(seed, (ulong)attempt);
            ExplorationOptions options = ExplorationOptions.Default.WithMaxSteps(maxSteps).WithSeed(attemptSeed).WithDataRaceDetection(false);
            int met = 0;
            ScheduleTrace trace = TestingEngine.RecordSchedule(subject.Subject.TestName + " probe", () =>
            {
                object target = subject.Factory();
                var bothInside = new Barrier(2, name: "both-inside");
                Action inside = () =>
                {
                    bothInside.SignalAndWait();
                    met++;
                };
                var first = new ControlledThread(() => demand.Section(target, inside), ConcurrencyDemand.FirstThread);
                var second = new ControlledThread(() => demand.Section(target, inside), ConcurrencyDemand.SecondThread);
                first.Start();
                second.Start();
                first.Join();
                second.Join();
            }, options, new RandomStrategy(attemptSeed));
            if (met == 2 && trace.Bug is null)
            {
                return new ProbeOutcome(true, attempt + 1, trace, $"In schedule {attempt + 1} of the probe both threads were inside at once, each waiting there for the other");
            }
            sample ??= trace;
        }
        string why = sample?.Bug is { } bug
            ? $"One thread got inside and waited there for the other, which never came in: {bug.Kind}: {bug.Message}"
            : $"One thread got inside and waited there for the other, which was still outside after {maxSteps} steps (spinning?).";
        return new ProbeOutcome(false, attempts, sample, why);
    }
}
