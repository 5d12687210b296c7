using Lab.Systematic.Detection;

namespace Lab.Scenarios.Signalling;

/// <summary>A one-shot "go" signal between two threads.</summary>
public interface IGoSignal
{
    /// <summary>Signals go; called once.</summary>
    void Signal();

    /// <summary>Returns once go has been signalled, whether before or after this call.</summary>
    void Await();
}

/// <summary>A waiter awaits the signal while a signaller signals it: the waiter must always get through.</summary>
public sealed class LostWakeup : Scenario<IGoSignal, LostWakeup.Buggy, LostWakeup.Fixed>
{
    /// <inheritdoc />
    public override string Id => "signalling/lost-wakeup";

    /// <inheritdoc />
    public override string Title => "Lost wake-up (Pulse before Wait)";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Signalling;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Await calls Monitor.Wait unconditionally and Signal calls Pulse, with no state behind them.\n" +
        "If the Pulse comes before the Wait, nobody is waiting, the pulse is lost and the waiter hangs forever.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Signal the state, not the thread: set a 'signalled' flag under the lock before pulsing, and wait only\n" +
        "'while (!signalled)', so a waiter that comes late sees the flag and does not wait at all.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "both threads finish (otherwise the engine reports the blocked waiter as a deadlock)";

    /// <inheritdoc />
    protected override void Run(IGoSignal signal)
    {
        var waiter = new Thread(signal.Await) { Name = "waiter" };
        var signaller = new Thread(signal.Signal) { Name = "signaller" };
        waiter.Start();
        signaller.Start();
        waiter.Join();
        signaller.Join();
    }

    /// <summary>Waits for a pulse, with nothing that remembers a pulse that came earlier.</summary>
    public sealed class Buggy : IGoSignal
    {
        private readonly object _gate = new();

        /// <inheritdoc />
        public void Signal()
        {
            lock (_gate) Monitor.Pulse(_gate);
        }

        /// <inheritdoc />
        public void Await()
        {
            lock (_gate) Monitor.Wait(_gate);
        }
    }

    /// <summary>Waits for a flag, which remembers the signal.</summary>
    public sealed class Fixed : IGoSignal
    {
        private readonly object _gate = new();
        private bool _signalled;

        /// <inheritdoc />
        public void Signal()
        {
            lock (_gate)
            {
                _signalled = true;
                Monitor.PulseAll(_gate);
            }
        }

        /// <inheritdoc />
        public void Await()
        {
            lock (_gate)
            {
                while (!_signalled) Monitor.Wait(_gate);
            }
        }
    }
}
