using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Scenarios.Races;

/// <summary>A mutual-exclusion lock: at most one thread between <see cref="Acquire"/> and <see cref="Release"/>.</summary>
public interface IMutex
{
    /// <summary>Waits until the calling thread owns the mutex.</summary>
    void Acquire();

    /// <summary>Gives the mutex up; only its owner calls this.</summary>
    void Release();
}

/// <summary>Two threads each enter the critical section once; the harness counts who is inside.</summary>
public sealed class BrokenFlagMutex : Scenario<IMutex, BrokenFlagMutex.Buggy, BrokenFlagMutex.Fixed>
{
    /// <inheritdoc />
    public override string Id => "races/broken-flag-mutex";

    /// <inheritdoc />
    public override string Title => "Broken flag mutex (test, then set)";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Races;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Acquire waits until the busy flag is false and then sets it: the test and the set are two steps.\n" +
        "Both threads can see the flag false before either sets it, and both enter the critical section.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Test and set in one atomic step: Interlocked.CompareExchange(ref busy, 1, 0) succeeds for one thread only.\n" +
        "The loser sees 1 and keeps waiting until the owner writes 0 back.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "inside the critical section, the harness's atomic occupancy count is exactly 1";

    /// <summary>Spinning waits make the fixed variant's DFS tree deep; 100 steps is ample for two threads.</summary>
    public override ExplorationOptions Budget => StandardBudget.WithMaxSteps(100);

    /// <summary>The fixed variant spins, so DFS is bounded to schedules with at most 3 preemptions (about 11,000 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override void Run(IMutex mutex)
    {
        int occupancy = 0;
        void Worker()
        {
            mutex.Acquire();
            int inside = Interlocked.Increment(ref occupancy);
            Specification.Assert(inside == 1, $"{inside} threads are inside the critical section at once, expected at most 1");
            Interlocked.Decrement(ref occupancy);
            mutex.Release();
        }
        var first = new Thread(Worker) { Name = "T1" };
        var second = new Thread(Worker) { Name = "T2" };
        first.Start();
        second.Start();
        first.Join();
        second.Join();
    }

    /// <summary>Waits for the flag to be false, then sets it: two separate steps.</summary>
    public sealed class Buggy : IMutex
    {
        private bool _busy;

        /// <inheritdoc />
        public void Acquire()
        {
            while (_busy) Thread.Yield();
            _busy = true;
        }

        /// <inheritdoc />
        public void Release() => _busy = false;
    }

    /// <summary>Sets the flag only if it was clear, atomically.</summary>
    public sealed class Fixed : IMutex
    {
        private int _busy;

        /// <inheritdoc />
        public void Acquire()
        {
            while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) Thread.Yield();
        }

        /// <inheritdoc />
        public void Release() => Volatile.Write(ref _busy, 0);
    }
}
