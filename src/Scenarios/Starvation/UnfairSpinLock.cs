using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Scenarios.Starvation;

/// <summary>A spin lock that waiting threads spin on.</summary>
public interface ISpinLock
{
    /// <summary>Spins until the calling thread owns the lock.</summary>
    void Enter();

    /// <summary>Releases the lock; only the owner calls this.</summary>
    void Exit();
}

/// <summary>Two threads take the lock several times each; neither may be overtaken without bound while it waits.</summary>
public sealed class UnfairSpinLock : Scenario<ISpinLock, UnfairSpinLock.Buggy, UnfairSpinLock.Fixed>
{
    /// <summary>
    /// How many times the other thread may enter while one waits. A ticket lock allows one; 3 leaves room for a
    /// thread that announced it waits but has not yet taken its ticket.
    /// </summary>
    public const int BypassBound = 3;

    /// <summary>How many times each thread takes the lock: enough rounds for a fair schedule to overtake a spinner past the bound.</summary>
    public const int Rounds = 6;

    /// <inheritdoc />
    public override string Id => "starvation/unfair-spin-lock";

    /// <inheritdoc />
    public override string Title => "Unfair spin lock (test-and-set retry loop)";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Starvation;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Waiters retry a test-and-set in a loop and whoever tries at the right moment wins: there is no queue.\n" +
        "The thread that just released can re-take the lock again and again while the other keeps missing it.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Serve waiters in arrival order with a ticket lock: take a ticket with Interlocked.Increment and spin until\n" +
        "'now serving' reaches it; Exit advances 'now serving', so nobody is overtaken more than once.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Starvation;

    /// <inheritdoc />
    public override string Oracle =>
        $"bounded bypass: on a fair schedule, a thread waiting for the lock is overtaken at most {BypassBound} times";

    /// <summary>400 iterations (the fair quarter judges bypass) of at most 300 steps: spinning makes schedules long.</summary>
    public override ExplorationOptions Budget => StandardBudget.WithIterations(400).WithMaxSteps(300);

    /// <summary>The fixed variant spins, so DFS is bounded to schedules with at most 2 preemptions (about 15,500 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 2;

    /// <inheritdoc />
    protected override void Run(ISpinLock spinLock)
    {
        var work = new Work(spinLock, new BoundedBypassMonitor("the spin lock", BypassBound));
        var first = new Thread(work.DoRounds) { Name = "T1" };
        var second = new Thread(work.DoRounds) { Name = "T2" };
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Specification.Assert(work.Done == 2 * Rounds, $"{work.Done} units of work were done, expected {2 * Rounds}");
    }

    /// <summary>Work done under the spin lock under test, with the bypass monitor watching every waiter.</summary>
    private sealed class Work(ISpinLock spinLock, BoundedBypassMonitor bypass)
    {
        private readonly ISpinLock _spinLock = spinLock;
        private readonly BoundedBypassMonitor _bypass = bypass;

        /// <summary>Units of work done, counted under the lock.</summary>
        public int Done;

        /// <summary>One thread's rounds: wait for the lock, do a unit of work under it, release it, and go again at once.</summary>
        public void DoRounds()
        {
            for (int round = 0; round < Rounds; round++)
            {
                _bypass.Waiting();
                _spinLock.Enter();
                _bypass.Entered();
                Done++;
                _spinLock.Exit();
            }
        }
    }

    /// <summary>Test-and-set in a retry loop: mutual exclusion, but no order among waiters.</summary>
    public sealed class Buggy : ISpinLock
    {
        private int _taken;

        /// <inheritdoc />
        public void Enter()
        {
            while (Interlocked.CompareExchange(ref _taken, 1, 0) != 0) Thread.Yield();
        }

        /// <inheritdoc />
        public void Exit() => Volatile.Write(ref _taken, 0);
    }

    /// <summary>A ticket lock: first come, first served.</summary>
    public sealed class Fixed : ISpinLock
    {
        private int _nextTicket;
        private int _nowServing;

        /// <inheritdoc />
        public void Enter()
        {
            int ticket = Interlocked.Increment(ref _nextTicket) - 1;
            while (Volatile.Read(ref _nowServing) != ticket) Thread.Yield();
        }

        /// <inheritdoc />
        public void Exit() => Interlocked.Increment(ref _nowServing);
    }
}
