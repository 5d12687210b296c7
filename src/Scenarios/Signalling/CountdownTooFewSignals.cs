using Lab.Systematic.Detection;

namespace Lab.Scenarios.Signalling;

/// <summary>Lets a coordinator wait until every worker has finished.</summary>
public interface ICompletionTracker
{
    /// <summary>The number of workers tracked.</summary>
    public const int Workers = 2;

    /// <summary>Called once by each worker when it is done.</summary>
    void WorkerFinished();

    /// <summary>Returns once all <see cref="Workers"/> workers have called <see cref="WorkerFinished"/>.</summary>
    void WaitForAll();
}

/// <summary>Two workers finish while the coordinator waits for both: the coordinator must get through.</summary>
public sealed class CountdownTooFewSignals : Scenario<ICompletionTracker, CountdownTooFewSignals.Buggy, CountdownTooFewSignals.Fixed>
{
    /// <inheritdoc />
    public override string Id => "signalling/countdown-too-few-signals";

    /// <inheritdoc />
    public override string Title => "CountdownEvent signalled by a racy count";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Signalling;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Workers count themselves with a plain 'finished++' and the one that reaches 2 signals the event.\n" +
        "Both can read 0 and write 1: nobody sees 2, the event is never signalled and WaitForAll hangs.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Let the CountdownEvent do the counting: create it with the number of workers and have every worker\n" +
        "call Signal() once; its count is decremented atomically and reaches zero exactly once.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "the coordinator's WaitForAll returns (otherwise the engine reports it blocked as a deadlock)";

    /// <inheritdoc />
    protected override void Run(ICompletionTracker tracker)
    {
        var first = new Thread(tracker.WorkerFinished) { Name = "worker1" };
        var second = new Thread(tracker.WorkerFinished) { Name = "worker2" };
        first.Start();
        second.Start();
        tracker.WaitForAll();
        first.Join();
        second.Join();
    }

    /// <summary>Counts with a racy read-modify-write and signals when it sees the total.</summary>
    public sealed class Buggy : ICompletionTracker
    {
        private readonly CountdownEvent _allDone = new(1);
        private int _finished;

        /// <inheritdoc />
        public void WorkerFinished()
        {
            int finished = ++_finished;
            if (finished == ICompletionTracker.Workers) _allDone.Signal();
        }

        /// <inheritdoc />
        public void WaitForAll() => _allDone.Wait();
    }

    /// <summary>One signal per worker, counted by the event itself.</summary>
    public sealed class Fixed : ICompletionTracker
    {
        private readonly CountdownEvent _allDone = new(ICompletionTracker.Workers);

        /// <inheritdoc />
        public void WorkerFinished() => _allDone.Signal();

        /// <inheritdoc />
        public void WaitForAll() => _allDone.Wait();
    }
}
