using Lab.Cli.Exercises;
using Lab.Systematic.Specifications;
using Lab.Systematic.Strategies;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>
/// Searches random schedules for one where the two calls of an exercise's <see cref="ConcurrencyDemand"/> overlap.
/// Each schedule runs as a one-iteration exploration that ends with a deliberate assertion, so the engine hands back
/// the complete recorded schedule for <see cref="OverlapDetector"/> to read.
/// </summary>
public static class ConcurrencyProbe
{
    /// <summary>The message of the assertion that ends every probe iteration.</summary>
    public const string EndOfProbe = "end of the concurrency probe";

    /// <summary>
    /// Tries up to <paramref name="attempts"/> seeded random schedules and stops at the first overlap. The deliberately
    /// failing traces go to <paramref name="scratchDirectory"/>, which is deleted afterwards.
    /// </summary>
    public static ProbeOutcome Search(ConcurrencyDemand demand, ExerciseSubject subject, int maxSteps, ulong seed, int attempts, string scratchDirectory)
    {
        try
        {
            return Run(demand, subject, maxSteps, seed, attempts, scratchDirectory);
        }
        finally
        {
            if (Directory.Exists(scratchDirectory)) Directory.Delete(scratchDirectory, recursive: true);
        }
    }

    private static ProbeOutcome Run(ConcurrencyDemand demand, ExerciseSubject subject, int maxSteps, ulong seed, int attempts, string scratchDirectory)
    {
        void Body()
        {
            demand.Start(subject.Factory());
            Specification.Assert(false, EndOfProbe);
        }
        ScheduleTrace? sample = null;
        string testName = subject.Subject.TestName + " probe";
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            ulong attemptSeed = DeterministicRandom.Derive(seed, (ulong)attempt);
            ExplorationOptions options = ExplorationOptions.Default.WithIterations(1).WithMaxSteps(maxSteps).WithSeed(attemptSeed)
                .WithDataRaceDetection(false).WithMinimization(false).WithTraceDirectory(scratchDirectory);
            TestReport report = TestingEngine.Explore(testName, Body, options, new RandomStrategy(attemptSeed));
            if (report.Bug?.Message != EndOfProbe || report.Trace is not { } trace) continue;
            if (OverlapDetector.Overlaps(trace, ConcurrencyDemand.FirstThread, ConcurrencyDemand.SecondThread))
            {
                return new ProbeOutcome(true, attempt + 1, trace);
            }
            sample ??= trace;
        }
        return new ProbeOutcome(false, attempts, sample);
    }
}
