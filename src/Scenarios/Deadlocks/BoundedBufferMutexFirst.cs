using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Deadlocks;

/// <summary>A bounded buffer (capacity 1) built from a mutex and two counting semaphores.</summary>
public interface ISemaphoreBuffer
{
    /// <summary>Adds an item, waiting while the buffer is full.</summary>
    void Put(int item);

    /// <summary>Removes an item, waiting while the buffer is empty.</summary>
    int Take();
}

/// <summary>A producer puts one item while a consumer takes one: both must finish.</summary>
public sealed class BoundedBufferMutexFirst : Scenario<ISemaphoreBuffer, BoundedBufferMutexFirst.Buggy, BoundedBufferMutexFirst.Fixed>
{
    /// <inheritdoc />
    public override string Id => "deadlocks/bounded-buffer-mutex-first";

    /// <inheritdoc />
    public override string Title => "Bounded buffer that takes the mutex before the items semaphore";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Deadlocks;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Take locks the buffer mutex and then waits for the 'filled' semaphore while still holding it.\n" +
        "On an empty buffer the producer can never get the mutex to add an item: both wait forever.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Never block on a semaphore while holding the mutex: wait for 'filled' (or 'free-slots') first and take\n" +
        "the mutex only around the queue operation itself.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "both threads finish and the consumer gets the item 5";

    /// <inheritdoc />
    protected override void Run(ISemaphoreBuffer buffer)
    {
        int taken = 0;
        var consumer = new Thread(() => taken = buffer.Take()) { Name = "consumer" };
        var producer = new Thread(() => buffer.Put(5)) { Name = "producer" };
        consumer.Start();
        producer.Start();
        consumer.Join();
        producer.Join();
        Specification.Assert(taken == 5, $"the consumer got {taken}, expected 5");
    }

    /// <summary>Mutex first, then the semaphore.</summary>
    public sealed class Buggy : ISemaphoreBuffer
    {
        private readonly object _mutex = new();
        private readonly SemaphoreSlim _filled = new(0);
        private readonly SemaphoreSlim _freeSlots = new(1);
        private readonly Queue<int> _items = new();

        /// <inheritdoc />
        public void Put(int item)
        {
            lock (_mutex)
            {
                _freeSlots.Wait();
                _items.Enqueue(item);
            }
            _filled.Release();
        }

        /// <inheritdoc />
        public int Take()
        {
            int item;
            lock (_mutex)
            {
                _filled.Wait();
                item = _items.Dequeue();
            }
            _freeSlots.Release();
            return item;
        }
    }

    /// <summary>The semaphore first, then the mutex.</summary>
    public sealed class Fixed : ISemaphoreBuffer
    {
        private readonly object _mutex = new();
        private readonly SemaphoreSlim _filled = new(0);
        private readonly SemaphoreSlim _freeSlots = new(1);
        private readonly Queue<int> _items = new();

        /// <inheritdoc />
        public void Put(int item)
        {
            _freeSlots.Wait();
            lock (_mutex) _items.Enqueue(item);
            _filled.Release();
        }

        /// <inheritdoc />
        public int Take()
        {
            int item;
            _filled.Wait();
            lock (_mutex) item = _items.Dequeue();
            _freeSlots.Release();
            return item;
        }
    }
}
