// Sample submission: still buggy, the lock covers the read but not the write.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Lock _gate = new("counter-lock");
    private readonly Shared<int> _count = new(0, "count");

    public void Increment()
    {
        int seen;
        using (_gate.EnterScope())
        {
            seen = _count.Read();
        }
        _count.Write(seen + 1);
    }

    public int Value => _count.Read();
}
