// Trivial non-solution: head and tail indexes read and written bare, consumers spinning while it looks empty.
using Lab.Scenarios.Signalling;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class BlockingQueue : IBlockingQueue
{
    private readonly int[] _items = new int[16];
    private readonly Shared<int> _head = new(0, "head");
    private readonly Shared<int> _tail = new(0, "tail");

    public void Put(int item)
    {
        int tail = _tail.Read();
        _items[tail] = item;
        _tail.Write(tail + 1);
    }

    public int Take()
    {
        while (_head.Read() == _tail.Read())
        {
            ControlledThread.Yield();
        }
        int head = _head.Read();
        _head.Write(head + 1);
        return _items[head];
    }
}
