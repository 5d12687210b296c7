using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.OrderViolations;

/// <summary>The phase gate of two workers: nobody starts phase 2 before both have finished phase 1.</summary>
public interface IPhaseGate
{
    /// <summary>The number of workers that use the gate.</summary>
    public const int Workers = 2;

    /// <summary>Called by each worker at the end of a phase; returns once every worker has arrived.</summary>
    void ArriveAndWait();
}

/// <summary>Each worker writes its phase-1 result, passes the gate, then reads the other worker's result.</summary>
public sealed class BarrierWrongCount : Scenario<IPhaseGate, BarrierWrongCount.Buggy, BarrierWrongCount.Fixed>
{
    /// <inheritdoc />
    public override string Id => "order-violations/barrier-wrong-count";

    /// <inheritdoc />
    public override string Title => "Barrier with the wrong participant count";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.OrderViolations;

    /// <inheritdoc />
    public override string BugExplanation =>
        "The barrier is created for one participant fewer than the threads that use it (a wrong 'minus the\n" +
        "coordinator'), so a phase ends before every worker arrived: phases mix and a worker reads unwritten results.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Create the barrier with exactly the number of threads that call SignalAndWait (here both workers),\n" +
        "so phase 2 starts only when every phase-1 result is written.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "after the gate, each worker reads the other's phase-1 result (non-zero)";

    /// <summary>Every barrier phase and result access is a scheduling point: DFS is bounded to schedules with at most 3 preemptions (about 8,000 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override void Run(IPhaseGate gate)
    {
        int[] results = new int[IPhaseGate.Workers];
        Thread Worker(int me) => new(() =>
        {
            results[me] = 10 + me;
            gate.ArriveAndWait();
            int other = results[1 - me];
            Specification.Assert(other != 0, $"worker{me} passed the gate and read worker{1 - me}'s phase-1 result before it was written: phases mixed");
        }) { Name = $"worker{me}" };
        Thread first = Worker(0), second = Worker(1);
        first.Start();
        second.Start();
        first.Join();
        second.Join();
    }

    /// <summary>Counts one participant too few.</summary>
    public sealed class Buggy : IPhaseGate
    {
        private readonly Barrier _phaseBarrier = new(IPhaseGate.Workers - 1); // "minus the coordinator": but the coordinator never calls it

        /// <inheritdoc />
        public void ArriveAndWait() => _phaseBarrier.SignalAndWait();
    }

    /// <summary>Counts every thread that signals.</summary>
    public sealed class Fixed : IPhaseGate
    {
        private readonly Barrier _phaseBarrier = new(IPhaseGate.Workers);

        /// <inheritdoc />
        public void ArriveAndWait() => _phaseBarrier.SignalAndWait();
    }
}
