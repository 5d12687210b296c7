using Lab.Systematic.Detection;

namespace Lab.Scenarios.Signalling;

/// <summary>A start gate: workers wait at it until the coordinator opens it.</summary>
public interface IStartGate
{
    /// <summary>Lets every worker through, those already waiting and those that arrive later.</summary>
    void Open();

    /// <summary>Waits until the gate has been opened.</summary>
    void AwaitOpen();
}

/// <summary>The coordinator opens the gate while a worker heads for it: the worker must get through.</summary>
public sealed class SetThenReset : Scenario<IStartGate, SetThenReset.Buggy, SetThenReset.Fixed>
{
    /// <inheritdoc />
    public override string Id => "signalling/set-then-reset";

    /// <inheritdoc />
    public override string Title => "ManualResetEvent Set immediately followed by Reset";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Signalling;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Open calls Set and then Reset at once, to 'pulse' the event for the workers waiting now.\n" +
        "A worker that reaches Wait after the Reset (or is not scheduled in between) never sees the signal and hangs.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "An event is state, not a pulse: leave it set once the gate is open (Set without Reset), and if it must\n" +
        "be reused, give each round its own event or a round number that waiters check.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "the worker gets through the gate (otherwise the engine reports it blocked as a deadlock)";

    /// <inheritdoc />
    protected override void Run(IStartGate gate)
    {
        var worker = new Thread(gate.AwaitOpen) { Name = "worker" };
        var coordinator = new Thread(gate.Open) { Name = "coordinator" };
        worker.Start();
        coordinator.Start();
        worker.Join();
        coordinator.Join();
    }

    /// <summary>Pulses the event: set, then reset straight away.</summary>
    public sealed class Buggy : IStartGate
    {
        private readonly ManualResetEventSlim _gateOpen = new(false);

        /// <inheritdoc />
        public void Open()
        {
            _gateOpen.Set();
            _gateOpen.Reset(); // meant to let through only the workers waiting right now
        }

        /// <inheritdoc />
        public void AwaitOpen() => _gateOpen.Wait();
    }

    /// <summary>Leaves the event set: an open gate stays open.</summary>
    public sealed class Fixed : IStartGate
    {
        private readonly ManualResetEventSlim _gateOpen = new(false);

        /// <inheritdoc />
        public void Open() => _gateOpen.Set();

        /// <inheritdoc />
        public void AwaitOpen() => _gateOpen.Wait();
    }
}
