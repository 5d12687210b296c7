// Sample submission: still buggy, the read is locked but the write is not.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly object _gate = new();
    private int _count;

    public void Increment()
    {
        int seen;
        lock (_gate)
        {
            seen = _count;
        }
        _count = seen + 1;
    }

    public int Value => _count;
}
