using Lab.Cli.Exercises;
using Lab.Systematic.Specifications;
using Lab.Systematic.Strategies;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>
/// Searches random schedules for one where the two calls of an exercise's <see cref="ConcurrencyDemand"/> overlap,
/// reading each recorded schedule with <see cref="OverlapDetector"/>.
/// </summary>
public static class ConcurrencyProbe
{
    /// <summary>Tries up to <paramref name="attempts"/> seeded random schedules and stops at the first overlap.</summary>
    public static ProbeOutcome Search(ConcurrencyDemand demand, ExerciseSubject subject, int maxSteps, ulong seed, int attempts)
    {
        ScheduleTrace? sample = null;
        string testName = subject.Subject.TestName + " probe";
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            ulong attemptSeed = DeterministicRandom.Derive(seed, (ulong)attempt);
            ExplorationOptions options = ExplorationOptions.Default.WithMaxSteps(maxSteps).WithSeed(attemptSeed).WithDataRaceDetection(false);
            ScheduleTrace trace = TestingEngine.RecordSchedule(testName, () => demand.Start(subject.Factory()), options, new RandomStrategy(attemptSeed));
            if (trace.Bug is not null) continue;
            if (OverlapDetector.Overlaps(trace, ConcurrencyDemand.FirstThread, ConcurrencyDemand.SecondThread))
            {
                return new ProbeOutcome(true, attempt + 1, trace);
            }
            sample ??= trace;
        }
        return new ProbeOutcome(false, attempts, sample);
    }
}
