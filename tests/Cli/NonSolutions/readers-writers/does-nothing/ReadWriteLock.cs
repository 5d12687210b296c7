// Trivial non-solution: a lock that never locks cannot starve anybody.
using Lab.Scenarios.Starvation;

namespace Exercises;

public sealed class ReadWriteLock : IReadWriteLock
{
    public void EnterRead()
    {
    }

    public void ExitRead()
    {
    }

    public void EnterWrite()
    {
    }

    public void ExitWrite()
    {
    }
}
