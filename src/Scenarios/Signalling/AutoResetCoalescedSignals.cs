using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Signalling;

/// <summary>A mailbox for one consumer: every posted item is received exactly once.</summary>
public interface IMailQueue
{
    /// <summary>Adds an item and signals the consumer.</summary>
    void Post(int item);

    /// <summary>Removes the oldest item, waiting while there is none.</summary>
    int Receive();
}

/// <summary>A producer posts two items while the consumer receives two: it must get both.</summary>
public sealed class AutoResetCoalescedSignals : Scenario<IMailQueue, AutoResetCoalescedSignals.Buggy, AutoResetCoalescedSignals.Fixed>
{
    /// <inheritdoc />
    public override string Id => "signalling/auto-reset-coalesced-signals";

    /// <inheritdoc />
    public override string Title => "AutoResetEvent used as a counter (two Sets, one wake-up)";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Signalling;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Post sets an AutoResetEvent once per item and Receive waits once per item, as if the event counted.\n" +
        "It does not: two Sets before a wait leave it set once, so one item is never signalled and Receive hangs.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Use a primitive that counts, a SemaphoreSlim released once per item, so every Post is one permit\n" +
        "(or, with an event, drain every queued item on each wake-up).";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "the consumer receives 1 then 2 (otherwise the engine reports it blocked as a deadlock)";

    /// <summary>Every lock, queue access and signal is a scheduling point: DFS is bounded to schedules with at most 3 preemptions (about 4,900 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override void Run(IMailQueue mail)
    {
        int first = 0, second = 0;
        var producer = new Thread(() =>
        {
            mail.Post(1);
            mail.Post(2);
        }) { Name = "producer" };
        var consumer = new Thread(() =>
        {
            first = mail.Receive();
            second = mail.Receive();
        }) { Name = "consumer" };
        producer.Start();
        consumer.Start();
        producer.Join();
        consumer.Join();
        Specification.Assert(first == 1 && second == 2, $"the consumer received {first} and {second}, expected 1 and 2");
    }

    /// <summary>One Set per item on an event that holds at most one signal.</summary>
    public sealed class Buggy : IMailQueue
    {
        private readonly object _gate = new();
        private readonly AutoResetEvent _posted = new(false);
        private readonly Queue<int> _items = new();

        /// <inheritdoc />
        public void Post(int item)
        {
            lock (_gate) _items.Enqueue(item);
            _posted.Set();
        }

        /// <inheritdoc />
        public int Receive()
        {
            _posted.WaitOne();
            lock (_gate) return _items.Dequeue();
        }
    }

    /// <summary>One permit per item on a counting semaphore.</summary>
    public sealed class Fixed : IMailQueue
    {
        private readonly object _gate = new();
        private readonly SemaphoreSlim _posted = new(0);
        private readonly Queue<int> _items = new();

        /// <inheritdoc />
        public void Post(int item)
        {
            lock (_gate) _items.Enqueue(item);
            _posted.Release();
        }

        /// <inheritdoc />
        public int Receive()
        {
            _posted.Wait();
            lock (_gate) return _items.Dequeue();
        }
    }
}
