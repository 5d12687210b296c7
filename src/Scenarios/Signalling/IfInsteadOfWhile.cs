using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Signalling;

/// <summary>An unbounded blocking queue built on a monitor.</summary>
public interface IBlockingQueue
{
    /// <summary>Adds an item and wakes a waiting consumer.</summary>
    void Put(int item);

    /// <summary>Removes an item, waiting while the queue is empty.</summary>
    int Take();
}

/// <summary>One producer puts 1 and 2; two consumers take one item each and must get both items between them.</summary>
public sealed class IfInsteadOfWhile : Scenario<IBlockingQueue, IfInsteadOfWhile.Buggy, IfInsteadOfWhile.Fixed>
{
    /// <inheritdoc />
    public override string Id => "signalling/if-instead-of-while";

    /// <inheritdoc />
    public override string Title => "'if' instead of 'while' around Monitor.Wait";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Signalling;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Take checks 'if (empty) Wait()' once. A pulsed consumer must re-acquire the lock, and the other consumer\n" +
        "can take the item first; the woken one goes on without re-checking and dequeues from an empty queue.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Always wait in a loop: 'while (empty) Wait()'. Being woken only means the state may have changed,\n" +
        "so re-check the condition after every wake-up (this also covers spurious wake-ups).";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.UnhandledException;

    /// <inheritdoc />
    public override string Oracle => "both Take calls return without an exception and the consumers get exactly the items 1 and 2";

    /// <summary>Four threads, every queue access a scheduling point: DFS is bounded to schedules with at most 2 preemptions (about 15,000 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 2;

    /// <inheritdoc />
    protected override void Run(IBlockingQueue queue)
    {
        int[] taken = new int[2];
        var producer = new Thread(() =>
        {
            queue.Put(1);
            queue.Put(2);
        }) { Name = "producer" };
        var first = new Thread(() => taken[0] = queue.Take()) { Name = "consumer1" };
        var second = new Thread(() => taken[1] = queue.Take()) { Name = "consumer2" };
        first.Start();
        second.Start();
        producer.Start();
        first.Join();
        second.Join();
        producer.Join();
        Array.Sort(taken);
        Specification.Assert(taken[0] == 1 && taken[1] == 2, $"the consumers got {taken[0]} and {taken[1]}, expected 1 and 2");
    }

    /// <summary>Waits once, under an 'if'.</summary>
    public sealed class Buggy : IBlockingQueue
    {
        private readonly object _gate = new();
        private readonly Queue<int> _items = new();

        /// <inheritdoc />
        public void Put(int item)
        {
            lock (_gate)
            {
                _items.Enqueue(item);
                Monitor.Pulse(_gate);
            }
        }

        /// <inheritdoc />
        public int Take()
        {
            lock (_gate)
            {
                if (_items.Count == 0) Monitor.Wait(_gate);
                return _items.Dequeue();
            }
        }
    }

    /// <summary>Waits in a loop that re-checks the condition.</summary>
    public sealed class Fixed : IBlockingQueue
    {
        private readonly object _gate = new();
        private readonly Queue<int> _items = new();

        /// <inheritdoc />
        public void Put(int item)
        {
            lock (_gate)
            {
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
                return _items.Dequeue();
            }
        }
    }
}
