// Sample submission: a correct fix (the read-modify-write under one lock).
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly object _gate = new();
    private int _count;

    public void Increment()
    {
        lock (_gate)
        {
            _count++;
        }
    }

    public int Value
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }
}
