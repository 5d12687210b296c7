// Non-solution: correctly locked and waiting in a loop, but last in, first out.
using Lab.Scenarios.Signalling;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class BlockingQueue : IBlockingQueue
{
    private readonly Lock _gate = new("queue-lock");
    private readonly Stack<int> _items = new();

    public void Put(int item)
    {
        using (_gate.EnterScope())
        {
            _items.Push(item);
            _gate.Pulse();
        }
    }

    public int Take()
    {
        using (_gate.EnterScope())
        {
            while (_items.Count == 0)
            {
                _gate.Wait();
            }
            return _items.Pop();
        }
    }
}
