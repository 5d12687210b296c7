// Sample submission: hangs, spinning forever without reaching a scheduling point.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Shared<int> _count = new(0, "count");
    private bool _ready;

    public void Increment()
    {
        while (!_ready)
        {
        }
        _count.Write(_count.Read() + 1);
    }

    public int Value => _count.Read();
}
