// Exercise "if-instead-of-while" (scenario signalling/if-instead-of-while)
//
// A producer puts 1 and 2; two consumers take one item each. Sometimes a consumer takes from an
// empty queue: being woken by Pulse does not mean the queue still has an item when the woken thread
// gets the lock back. Make Take correct for every order of wake-ups.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~if-instead-of-while
// Rules: use the controlled primitives of Lab.Systematic.Threading; no 'lock' statement, no System.Threading.
using Lab.Scenarios.Signalling;
using Lab.Systematic.Threading;

namespace Exercises;

/// <summary>An unbounded blocking queue built on one lock and its condition.</summary>
public sealed class BlockingQueue : IBlockingQueue
{
    private readonly Lock _gate = new("queue-lock");
    private readonly Queue<int> _items = new();

    /// <summary>Adds an item and wakes one waiting consumer.</summary>
    public void Put(int item)
    {
        using (_gate.EnterScope())
        {
            _items.Enqueue(item);
            _gate.Pulse();
        }
    }

    /// <summary>Removes an item, waiting while the queue is empty.</summary>
    public int Take()
    {
        using (_gate.EnterScope())
        {
            if (_items.Count == 0)
            {
                _gate.Wait();
            }
            return _items.Dequeue();
        }
    }
}
