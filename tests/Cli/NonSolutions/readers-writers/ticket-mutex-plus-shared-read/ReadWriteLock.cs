// Over-serialised: one FIFO ticket mutex for readers and writers, with a read of a shared field before a reader takes it.
using Lab.Scenarios.Starvation;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class ReadWriteLock : IReadWriteLock
{
    private int _nextTicket;
    private int _serving;
    private int _readsStarted;

    public void EnterRead()
    {
        _ = Volatile.Read(ref _readsStarted);
        Enter();
    }

    public void ExitRead() => Exit();

    public void EnterWrite() => Enter();

    public void ExitWrite() => Exit();

    private void Enter()
    {
        int ticket = Interlocked.Increment(ref _nextTicket) - 1;
        while (Volatile.Read(ref _serving) != ticket)
        {
            ControlledThread.Yield();
        }
    }

    private void Exit() => Interlocked.Increment(ref _serving);
}
