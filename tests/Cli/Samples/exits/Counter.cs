// Sample submission: ends the whole process from inside the code under test.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Shared<int> _count = new(0, "count");

    public void Increment()
    {
        _count.Write(_count.Read() + 1);
        Environment.Exit(3);
    }

    public int Value => _count.Read();
}
