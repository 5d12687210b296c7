// Sample submission: a correct fix, a turnstile that a waiting writer holds.
using Lab.Scenarios.Starvation;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class ReadWriteLock : IReadWriteLock
{
    private readonly Lock _readersMutex = new("readers-mutex");
    private readonly SemaphoreSlim _roomEmpty = new(1, 1, "room-empty");
    private readonly SemaphoreSlim _turnstile = new(1, 1, "turnstile");
    private int _readers;

    public void EnterRead()
    {
        _turnstile.Wait();
        _turnstile.Release();
        using (_readersMutex.EnterScope())
        {
            if (++_readers == 1) _roomEmpty.Wait();
        }
    }

    public void ExitRead()
    {
        using (_readersMutex.EnterScope())
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
