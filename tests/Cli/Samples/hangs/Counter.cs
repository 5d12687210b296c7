// Sample submission: hangs, spinning forever on locals only, so no scheduling point is ever reached.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private int _count;

    public void Increment()
    {
        int spin = 1;
        while (spin > 0)
        {
            spin = spin % 7 + 1;
        }
        _count++;
    }

    public int Value => _count;
}
