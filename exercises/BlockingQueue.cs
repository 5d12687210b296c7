// Exercise "if-instead-of-while" (scenario signalling/if-instead-of-while)
//
// A producer puts 1 and 2; two consumers take one item each. Sometimes a consumer takes from an
// empty queue: being woken by Pulse does not mean the queue still has an item when the woken thread
// gets the lock back. Make Take correct for every order of wake-ups.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~if-instead-of-while
// Rules: ordinary C# ('lock', Monitor, Thread, SemaphoreSlim, Interlocked, Volatile, plain fields);
// the grader rewrites it so the explorer controls every step. Timers, channels, files, the network,
// reflection and the console are refused.
using System.Threading;
using Lab.Scenarios.Signalling;

namespace Exercises;

/// <summary>An unbounded blocking queue built on one lock and its condition.</summary>
public sealed class BlockingQueue : IBlockingQueue
{
    private readonly object _gate = new();
    private readonly Queue<int> _items = new();

    /// <summary>Adds an item and wakes one waiting consumer.</summary>
    public void Put(int item)
    {
        lock (_gate)
        {
            _items.Enqueue(item);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Removes an item, waiting while the queue is empty.</summary>
    public int Take()
    {
        lock (_gate)
        {
            if (_items.Count == 0)
            {
                Monitor.Wait(_gate);
            }
            return _items.Dequeue();
        }
    }
}
