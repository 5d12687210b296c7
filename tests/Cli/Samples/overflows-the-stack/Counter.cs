// Sample submission: recurses without end, so the grading process dies of a stack overflow.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Shared<int> _count = new(0, "count");

    public void Increment() => _count.Write(Add(_count.Read(), 1));

    public int Value => _count.Read();

    private static int Add(int value, int more) => more == 0 ? value : Add(value, more + 1) + 1;
}
