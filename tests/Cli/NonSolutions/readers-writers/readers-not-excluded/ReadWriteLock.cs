// Non-solution: writers exclude each other, but readers walk in whenever they like.
using Lab.Scenarios.Starvation;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class ReadWriteLock : IReadWriteLock
{
    private readonly SemaphoreSlim _writers = new(1, 1, "writers");

    public void EnterRead()
    {
    }

    public void ExitRead()
    {
    }

    public void EnterWrite() => _writers.Wait();

    public void ExitWrite() => _writers.Release();
}
