using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Deadlocks;

/// <summary>A round table of three philosophers with one fork between each pair of neighbours.</summary>
public interface IDiningTable
{
    /// <summary>The number of seats (and forks).</summary>
    public const int Seats = 3;

    /// <summary>Picks up the two forks next to <paramref name="seat"/>, runs <paramref name="eat"/>, and puts them down.</summary>
    void Dine(int seat, Action eat);
}

/// <summary>Three philosophers dine once each, at the same time: everyone must eat.</summary>
public sealed class DiningPhilosophers : Scenario<IDiningTable, DiningPhilosophers.Buggy, DiningPhilosophers.Fixed>
{
    /// <inheritdoc />
    public override string Id => "deadlocks/dining-philosophers";

    /// <inheritdoc />
    public override string Title => "Dining philosophers";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Deadlocks;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Every philosopher picks up the left fork, then the right one. If all pick up their left fork at once,\n" +
        "each waits for a right fork its neighbour holds: a wait-for cycle around the table, deadlock.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Resource ordering: number the forks and always pick up the lower-numbered one first. The last philosopher\n" +
        "then reaches for fork0 first like its neighbour, and the cycle cannot close.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "every philosopher finishes and has eaten once";

    /// <summary>Four threads, every lock a scheduling point: DFS is bounded to schedules with at most 2 preemptions (about 3,100 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 2;

    /// <inheritdoc />
    protected override void Run(IDiningTable table)
    {
        int[] meals = new int[IDiningTable.Seats];
        var p0 = new Thread(new Philosopher(table, 0, meals).Dine) { Name = "P0" };
        var p1 = new Thread(new Philosopher(table, 1, meals).Dine) { Name = "P1" };
        var p2 = new Thread(new Philosopher(table, 2, meals).Dine) { Name = "P2" };
        p0.Start();
        p1.Start();
        p2.Start();
        p0.Join();
        p1.Join();
        p2.Join();
        for (int seat = 0; seat < meals.Length; seat++)
        {
            Specification.Assert(meals[seat] == 1, $"P{seat} ate {meals[seat]} times, expected once");
        }
    }

    /// <summary>One philosopher, who dines once and counts the meal.</summary>
    private sealed class Philosopher(IDiningTable table, int seat, int[] meals)
    {
        private readonly IDiningTable _table = table;
        private readonly int _seat = seat;
        private readonly int[] _meals = meals;

        public void Dine() => _table.Dine(_seat, Eat);

        private void Eat() => _meals[_seat]++;
    }

    /// <summary>Left fork first, then right: symmetric, so a cycle can form.</summary>
    public sealed class Buggy : IDiningTable
    {
        private readonly object _fork0 = new();
        private readonly object _fork1 = new();
        private readonly object _fork2 = new();

        /// <inheritdoc />
        public void Dine(int seat, Action eat)
        {
            switch (seat)
            {
                case 0:
                    lock (_fork0) lock (_fork1) eat();
                    break;
                case 1:
                    lock (_fork1) lock (_fork2) eat();
                    break;
                default:
                    lock (_fork2) lock (_fork0) eat(); // left, then right: the third philosopher closes the cycle
                    break;
            }
        }
    }

    /// <summary>Lower-numbered fork first: a global order, so no cycle.</summary>
    public sealed class Fixed : IDiningTable
    {
        private readonly object _fork0 = new();
        private readonly object _fork1 = new();
        private readonly object _fork2 = new();

        /// <inheritdoc />
        public void Dine(int seat, Action eat)
        {
            switch (seat)
            {
                case 0:
                    lock (_fork0) lock (_fork1) eat();
                    break;
                case 1:
                    lock (_fork1) lock (_fork2) eat();
                    break;
                default:
                    lock (_fork0) lock (_fork2) eat(); // the lower-numbered fork first, though it is on the right
                    break;
            }
        }
    }
}
