// Sample submission: does not compile (an undeclared variable).
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
            _count = cuont + 1;
        }
    }

    public int Value => _count;
}
