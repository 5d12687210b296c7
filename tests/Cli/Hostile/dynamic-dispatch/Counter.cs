// Hostile submission: hides what it calls behind dynamic.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private dynamic _count = 0;

    public void Increment() => _count = _count + 1;

    public int Value => (int)_count;
}
