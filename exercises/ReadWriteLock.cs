// Exercise "readers-writers" (scenario starvation/readers-writers)
//
// Two readers read three times each while one writer wants to write once. The first reader in locks
// the writer out and the last reader out lets it in, so while readers keep overlapping the writer
// waits behind any number of them. Make sure a waiting writer is not overtaken without bound.
//
// Keep readers concurrent: two readers must still be able to hold the read lock at the same time, so
// turning every reader into a writer is not accepted.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~readers-writers
// Rules: ordinary C# ('lock', Monitor, Thread, SemaphoreSlim, Interlocked, Volatile, plain fields);
// the grader rewrites it so the explorer controls every step. Timers, channels, files, the network,
// reflection and the console are refused.
using Lab.Scenarios.Starvation;
using System.Threading;

namespace Exercises;

/// <summary>Many readers at once, or one writer alone.</summary>
public sealed class ReadWriteLock : IReadWriteLock
{
    private readonly object _readersMutex = new();
    private readonly SemaphoreSlim _roomEmpty = new(1, 1);
    private int _readers;

    /// <summary>Enters as a reader; the first reader in locks writers out.</summary>
    public void EnterRead()
    {
        lock (_readersMutex)
        {
            _readers++;
            if (_readers == 1)
            {
                _roomEmpty.Wait();
            }
        }
    }

    /// <summary>Leaves as a reader; the last reader out lets writers in.</summary>
    public void ExitRead()
    {
        lock (_readersMutex)
        {
            _readers--;
            if (_readers == 0)
            {
                _roomEmpty.Release();
            }
        }
    }

    /// <summary>Enters as the only writer.</summary>
    public void EnterWrite() => _roomEmpty.Wait();

    /// <summary>Leaves as the writer.</summary>
    public void ExitWrite() => _roomEmpty.Release();
}
