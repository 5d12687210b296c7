// Sample submission: a correct fix (the read-modify-write under one lock).
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Lock _gate = new("counter-lock");
    private readonly Shared<int> _count = new(0, "count");

    public void Increment()
    {
        using (_gate.EnterScope())
        {
            _count.Write(_count.Read() + 1);
        }
    }

    public int Value
    {
        get
        {
            using (_gate.EnterScope())
            {
                return _count.Read();
            }
        }
    }
}
