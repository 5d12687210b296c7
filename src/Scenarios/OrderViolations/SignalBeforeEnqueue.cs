using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.OrderViolations;

/// <summary>An unbounded work queue; <see cref="Dequeue"/> blocks until an item is there.</summary>
public interface IWorkQueue
{
    /// <summary>Adds an item and wakes one waiting consumer.</summary>
    void Enqueue(int item);

    /// <summary>Removes an item, waiting while the queue is empty.</summary>
    int Dequeue();
}

/// <summary>A producer enqueues one item while a consumer dequeues one: the consumer must get that item.</summary>
public sealed class SignalBeforeEnqueue : Scenario<IWorkQueue, SignalBeforeEnqueue.Buggy, SignalBeforeEnqueue.Fixed>
{
    /// <inheritdoc />
    public override string Id => "order-violations/signal-before-enqueue";

    /// <inheritdoc />
    public override string Title => "Signal before enqueue";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.OrderViolations;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Enqueue releases the 'items' semaphore before it adds the item to the queue.\n" +
        "A consumer woken by the release dequeues before the item is there: Queue.Dequeue throws on an empty queue.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Signal after the state change: add the item (under the lock), then release the semaphore, so a permit\n" +
        "always stands for an item that is already in the queue.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.UnhandledException;

    /// <inheritdoc />
    public override string Oracle => "the consumer dequeues without an exception and gets the produced item 7";

    /// <inheritdoc />
    protected override void Run(IWorkQueue queue)
    {
        int taken = 0;
        var producer = new Thread(() => queue.Enqueue(7)) { Name = "producer" };
        var consumer = new Thread(() => taken = queue.Dequeue()) { Name = "consumer" };
        producer.Start();
        consumer.Start();
        producer.Join();
        consumer.Join();
        Specification.Assert(taken == 7, $"the consumer got {taken}, expected the produced item 7");
    }

    /// <summary>Signals first, enqueues second.</summary>
    public sealed class Buggy : IWorkQueue
    {
        private readonly object _gate = new();
        private readonly SemaphoreSlim _items = new(0);
        private readonly Queue<int> _queue = new();

        /// <inheritdoc />
        public void Enqueue(int item)
        {
            _items.Release();
            lock (_gate) _queue.Enqueue(item);
        }

        /// <inheritdoc />
        public int Dequeue()
        {
            _items.Wait();
            lock (_gate) return _queue.Dequeue();
        }
    }

    /// <summary>Enqueues first, signals second.</summary>
    public sealed class Fixed : IWorkQueue
    {
        private readonly object _gate = new();
        private readonly SemaphoreSlim _items = new(0);
        private readonly Queue<int> _queue = new();

        /// <inheritdoc />
        public void Enqueue(int item)
        {
            lock (_gate) _queue.Enqueue(item);
            _items.Release();
        }

        /// <inheritdoc />
        public int Dequeue()
        {
            _items.Wait();
            lock (_gate) return _queue.Dequeue();
        }
    }
}
