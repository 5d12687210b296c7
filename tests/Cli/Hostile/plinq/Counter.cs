// Hostile submission: counts with PLINQ, on real threads the explorer cannot see.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private int _count;

    public void Increment() => _count = new[] { _count }.AsParallel().Select(c => c + 1).Sum();

    public int Value => _count;
}
