using Lab.Cli.Exercises;

namespace Lab.Cli.Grading;

/// <summary>Checks an exercise's <see cref="ConcurrencyDemand"/> on an implementation with the probe that fits the demand.</summary>
public static class ConcurrencyProbe
{
    /// <summary>
    /// Independent calls are paused at every step in turn (<see cref="IndependenceProbe"/>); a shared section is
    /// entered by two threads that wait inside for each other, in up to <paramref name="attempts"/> seeded random
    /// schedules (<see cref="RendezvousProbe"/>).
    /// </summary>
    public static ProbeOutcome Run(ConcurrencyDemand demand, ExerciseSubject subject, int maxSteps, ulong seed, int attempts) => demand switch
    {
        IndependentCalls calls => IndependenceProbe.Check(calls, subject, maxSteps),
        SharedSection section => RendezvousProbe.Search(section, subject, maxSteps, seed, attempts),
        _ => throw new ArgumentException($"no probe for a demand of type {demand.GetType().Name}", nameof(demand)),
    };
}
