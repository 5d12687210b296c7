// Sample submission: a correct fix, waiting in a loop that re-checks the condition.
using System.Threading;
using Lab.Scenarios.Signalling;

namespace Exercises;

public sealed class BlockingQueue : IBlockingQueue
{
    private readonly object _gate = new();
    private readonly Queue<int> _items = new();

    public void Put(int item)
    {
        lock (_gate)
        {
            _items.Enqueue(item);
            Monitor.Pulse(_gate);
        }
    }

    public int Take()
    {
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                Monitor.Wait(_gate);
            }
            return _items.Dequeue();
        }
    }
}
