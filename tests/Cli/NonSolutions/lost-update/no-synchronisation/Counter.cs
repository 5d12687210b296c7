// Trivial non-solution: the starter's read-then-write, with no synchronisation at all.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Shared<int> _count = new(0, "count");

    public void Increment() => _count.Write(_count.Read() + 1);

    public int Value => _count.Read();
}
