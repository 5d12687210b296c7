using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Scenarios.Livelocks;

/// <summary>A table of two philosophers sharing two forks; a philosopher who cannot get both puts down what it holds.</summary>
public interface IPoliteTable
{
    /// <summary>The number of seats (and forks).</summary>
    public const int Seats = 2;

    /// <summary>Gets both forks next to <paramref name="seat"/> (retrying as needed), runs <paramref name="eat"/>, puts them down.</summary>
    void Dine(int seat, Action eat);
}

/// <summary>Two polite philosophers dine once each; a liveness monitor per philosopher is hot while it is hungry.</summary>
public sealed class PolitePhilosophers : Scenario<IPoliteTable, PolitePhilosophers.Buggy, PolitePhilosophers.Fixed>
{
    /// <inheritdoc />
    public override string Id => "livelocks/polite-philosophers";

    /// <inheritdoc />
    public override string Title => "Polite philosophers (TryEnter, back off, retry)";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Livelocks;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Each philosopher takes the left fork, tries the right one, and on failure puts the left fork down and retries.\n" +
        "In step with each other, both take, fail, put down and retry forever: always busy, nobody eats.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Break the symmetry with a global order: both take fork0 first (blocking), then fork1; whoever holds fork0\n" +
        "always gets fork1, so every retry loop ends after one round.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Livelock;

    /// <inheritdoc />
    public override string Oracle =>
        "progress: a Livelock monitor per philosopher is hot from hungry to eating; hot for more than 150 steps of a fair schedule is a livelock";

    /// <summary>400 iterations: only the fair quarter of the portfolio can show a livelock; 150-step liveness bound.</summary>
    public override ExplorationOptions Budget => StandardBudget.WithIterations(400).WithMaxSteps(600).WithLivenessBound(150);

    /// <inheritdoc />
    protected override void Run(IPoliteTable table)
    {
        var p0 = new Thread(new Philosopher(table, 0).Dine) { Name = "P0" };
        var p1 = new Thread(new Philosopher(table, 1).Dine) { Name = "P1" };
        p0.Start();
        p1.Start();
        p0.Join();
        p1.Join();
    }

    /// <summary>One philosopher: hungry (its liveness monitor hot) from sitting down until it eats.</summary>
    private sealed class Philosopher
    {
        private readonly IPoliteTable _table;
        private readonly int _seat;
        private readonly LivenessMonitor _hungry;

        public Philosopher(IPoliteTable table, int seat)
        {
            _table = table;
            _seat = seat;
            _hungry = new LivenessMonitor($"P{seat} gets to eat", BugKind.Livelock);
        }

        public void Dine()
        {
            _hungry.Hot();
            _table.Dine(_seat, () => _hungry.Cold());
            Specification.Assert(!_hungry.IsHot, $"P{_seat} returned from Dine without eating");
        }
    }

    /// <summary>Left first, then try right; back off and retry on failure: symmetric, so it can livelock.</summary>
    public sealed class Buggy : IPoliteTable
    {
        private readonly object _fork0 = new();
        private readonly object _fork1 = new();

        /// <inheritdoc />
        public void Dine(int seat, Action eat)
        {
            while (true)
            {
                if (seat == 0)
                {
                    Monitor.Enter(_fork0); // the left fork
                    if (Monitor.TryEnter(_fork1))
                    {
                        eat();
                        Monitor.Exit(_fork1);
                        Monitor.Exit(_fork0);
                        return;
                    }
                    Monitor.Exit(_fork0); // be polite: put the fork down and try again
                }
                else
                {
                    Monitor.Enter(_fork1); // the left fork
                    if (Monitor.TryEnter(_fork0))
                    {
                        eat();
                        Monitor.Exit(_fork0);
                        Monitor.Exit(_fork1);
                        return;
                    }
                    Monitor.Exit(_fork1);
                }
                Thread.Yield();
            }
        }
    }

    /// <summary>The same polite retry loop, but the forks are taken in one global order.</summary>
    public sealed class Fixed : IPoliteTable
    {
        private readonly object _fork0 = new();
        private readonly object _fork1 = new();

        /// <inheritdoc />
        public void Dine(int seat, Action eat)
        {
            while (true)
            {
                Monitor.Enter(_fork0); // whichever side it is on, fork0 first
                if (Monitor.TryEnter(_fork1))
                {
                    eat();
                    Monitor.Exit(_fork1);
                    Monitor.Exit(_fork0);
                    return;
                }
                Monitor.Exit(_fork0);
                Thread.Yield();
            }
        }
    }
}
