using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;
using Interlocked = Lab.Systematic.Threading.Interlocked;
using Volatile = Lab.Systematic.Threading.Volatile;

namespace Lab.Cli.Exercises.Oracles;

/// <summary>Oracles of the dining-philosophers exercise: a fork is in one pair of hands at a time.</summary>
public static class DiningTableOracles
{
    /// <summary>Three philosophers dine once each; whoever eats checks that neither neighbour is eating (they share a fork).</summary>
    public static ExerciseOracle NeighboursNeverEatTogether { get; } = ExerciseOracle.Of<IDiningTable>("neighbours-never-eat-together",
        "three philosophers dine once each: nobody eats while a neighbour eats (they share a fork), and each eats once",
        dfsPreemptionBound: 2, Run);

    /// <summary>Every oracle of the exercise.</summary>
    public static IReadOnlyList<ExerciseOracle> All { get; } = [NeighboursNeverEatTogether];

    private static void Run(IDiningTable table)
    {
        const int seats = IDiningTable.Seats;
        int[] eating = new int[seats];
        int[] meals = new int[seats];
        var philosophers = Enumerable.Range(0, seats).Select(seat => new ControlledThread(() => table.Dine(seat, () =>
        {
            Interlocked.Exchange(ref eating[seat], 1);
            CheckNotEating(eating, seat, (seat + 1) % seats, fork: (seat + 1) % seats);
            CheckNotEating(eating, seat, (seat + seats - 1) % seats, fork: seat);
            meals[seat]++;
            Interlocked.Exchange(ref eating[seat], 0);
        }), $"P{seat}")).ToList();
        philosophers.ForEach(p => p.Start());
        philosophers.ForEach(p => p.Join());
        for (int seat = 0; seat < seats; seat++) ExerciseOracle.Expect(meals[seat], 1, $"the meals P{seat} ate");
    }

    private static void CheckNotEating(int[] eating, int seat, int neighbour, int fork) =>
        Specification.Assert(Volatile.Read(ref eating[neighbour]) == 0,
            $"P{seat} and P{neighbour} ate at the same time: fork{fork} between them was in both their hands");
}
