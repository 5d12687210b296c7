// Sample submission: recurses without end, so the grading process dies of a stack overflow.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private int _count;

    public void Increment() => _count = Add(_count, 1);

    public int Value => _count;

    private static int Add(int value, int more) => more == 0 ? value : Add(value, more + 1) + 1;
}
