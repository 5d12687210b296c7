// Trivial non-solution: nothing happens, so nothing can race.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    public void Increment()
    {
    }

    public int Value => 0;
}
