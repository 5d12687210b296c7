// Sample submission: a correct fix, a turnstile that a waiting writer holds.
using Lab.Scenarios.Starvation;
using System.Threading;

namespace Exercises;

public sealed class ReadWriteLock : IReadWriteLock
{
    private readonly object _readersMutex = new();
    private readonly SemaphoreSlim _roomEmpty = new(1, 1);
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private int _readers;

    public void EnterRead()
    {
        _turnstile.Wait();
        _turnstile.Release();
        lock (_readersMutex)
        {
            if (++_readers == 1) _roomEmpty.Wait();
        }
    }

    public void ExitRead()
    {
        lock (_readersMutex)
        {
            if (--_readers == 0) _roomEmpty.Release();
        }
    }

    public void EnterWrite()
    {
        _turnstile.Wait();
        _roomEmpty.Wait();
    }

    public void ExitWrite()
    {
        _turnstile.Release();
        _roomEmpty.Release();
    }
}
