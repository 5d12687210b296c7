using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Lab.Cli.Exercises.Oracles;

/// <summary>Oracles of the lost-update exercise: counts other than the scenario's 2, so a constant Value cannot pass.</summary>
public static class CounterOracles
{
    /// <summary>How many threads increment at once, and how many times each.</summary>
    public const int Threads = 3, IncrementsEach = 2;

    /// <summary>Counts from 0 one by one, then three threads increment twice each: the count must come out exactly.</summary>
    public static ExerciseOracle ThreeThreadsTwice { get; } = ExerciseOracle.Of<ICounter>("three-threads-twice",
        $"counts 0 then 1 alone, then {Threads} threads increment {IncrementsEach} times each: the count is {1 + Threads * IncrementsEach}",
        dfsPreemptionBound: 2, Run);

    /// <summary>Every oracle of the exercise.</summary>
    public static IReadOnlyList<ExerciseOracle> All { get; } = [ThreeThreadsTwice];

    private static void Run(ICounter counter)
    {
        ExerciseOracle.Expect(counter.Value, 0, "the count of a new counter");
        counter.Increment();
        ExerciseOracle.Expect(counter.Value, 1, "the count after one increment");
        var threads = Enumerable.Range(1, Threads).Select(i => new ControlledThread(() =>
        {
            for (int n = 0; n < IncrementsEach; n++) counter.Increment();
        }, $"T{i}")).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        ExerciseOracle.Expect(counter.Value, 1 + Threads * IncrementsEach, $"the count after {Threads} threads incremented {IncrementsEach} times each");
    }
}
