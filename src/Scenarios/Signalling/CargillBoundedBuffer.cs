using Lab.Systematic.Detection;

namespace Lab.Scenarios.Signalling;

/// <summary>A bounded buffer of capacity 1 on a single monitor: Put waits while full, Take while empty.</summary>
public interface IBoundedBuffer
{
    /// <summary>Adds an item, waiting while the buffer is full.</summary>
    void Put(int item);

    /// <summary>Removes an item, waiting while the buffer is empty.</summary>
    int Take();
}

/// <summary>One producer puts two items, two consumers take one each: everybody must finish.</summary>
public sealed class CargillBoundedBuffer : Scenario<IBoundedBuffer, CargillBoundedBuffer.Buggy, CargillBoundedBuffer.Fixed>
{
    /// <inheritdoc />
    public override string Id => "signalling/cargill-bounded-buffer";

    /// <inheritdoc />
    public override string Title => "Cargill's bounded buffer: Pulse wakes the wrong waiter";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Signalling;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Producers and consumers wait on the same monitor and each operation wakes just one waiter with Pulse.\n" +
        "A consumer's Pulse can wake the other consumer instead of the waiting producer: all wait, deadlock.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "With one condition shared by two kinds of waiters, wake them all with PulseAll: each re-checks its own\n" +
        "condition in its while loop, so the producer is never left asleep (or use one condition per kind).";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "all three threads finish (otherwise the engine reports the waiters as a deadlock)";

    /// <summary>Four threads, every queue access a scheduling point: DFS is bounded to schedules with at most 1 preemption (about 2,300 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 1;

    /// <inheritdoc />
    protected override void Run(IBoundedBuffer buffer)
    {
        var first = new Thread(() => buffer.Take()) { Name = "consumer1" };
        var second = new Thread(() => buffer.Take()) { Name = "consumer2" };
        var producer = new Thread(() =>
        {
            buffer.Put(1);
            buffer.Put(2);
        }) { Name = "producer" };
        first.Start();
        second.Start();
        producer.Start();
        first.Join();
        second.Join();
        producer.Join();
    }

    /// <summary>Wakes one waiter, whichever kind it is.</summary>
    public sealed class Buggy : IBoundedBuffer
    {
        private readonly object _gate = new();
        private readonly Queue<int> _items = new();

        /// <inheritdoc />
        public void Put(int item)
        {
            lock (_gate)
            {
                while (_items.Count == 1) Monitor.Wait(_gate);
                _items.Enqueue(item);
                Monitor.Pulse(_gate);
            }
        }

        /// <inheritdoc />
        public int Take()
        {
            lock (_gate)
            {
                while (_items.Count == 0) Monitor.Wait(_gate);
                int item = _items.Dequeue();
                Monitor.Pulse(_gate);
                return item;
            }
        }
    }

    /// <summary>Wakes every waiter; each re-checks its own condition.</summary>
    public sealed class Fixed : IBoundedBuffer
    {
        private readonly object _gate = new();
        private readonly Queue<int> _items = new();

        /// <inheritdoc />
        public void Put(int item)
        {
            lock (_gate)
            {
                while (_items.Count == 1) Monitor.Wait(_gate);
                _items.Enqueue(item);
                Monitor.PulseAll(_gate);
            }
        }

        /// <inheritdoc />
        public int Take()
        {
            lock (_gate)
            {
                while (_items.Count == 0) Monitor.Wait(_gate);
                int item = _items.Dequeue();
                Monitor.PulseAll(_gate);
                return item;
            }
        }
    }
}
