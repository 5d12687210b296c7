namespace Lab.Rewriting.Fixtures.Async;

/// <summary>
/// Callbacks registered on a CancellationToken: they run inside Cancel, on the cancelling thread (or inside Register on
/// a token already cancelled), so they race with the registering thread's own code like any other thread would.
/// </summary>
public sealed class CancellationCallbacks
{
    private readonly CancellationTokenSource _source = new();
    private readonly object _gate = new();
    private int _count;

    /// <summary>The callback and the registering thread both count, unlocked, while another thread cancels: an update can be lost.</summary>
    public static int CountWithoutALock()
    {
        var program = new CancellationCallbacks();
        CancellationToken token = program._source.Token;
        token.Register(program.CountUnlocked); // @line:register-unlocked
        var canceller = new Thread(program.Cancel) { Name = "canceller" };
        canceller.Start();
        program._count++; // @line:main-count
        canceller.Join();
        return program._count;
    }

    /// <summary>The same, both counting under a lock: always 2.</summary>
    public static int CountUnderALock()
    {
        var program = new CancellationCallbacks();
        CancellationToken token = program._source.Token;
        token.Register(program.CountLocked);
        var canceller = new Thread(program.Cancel) { Name = "canceller" };
        canceller.Start();
        lock (program._gate) program._count++;
        canceller.Join();
        return program._count;
    }

    /// <summary>A callback that throws: Cancel throws an AggregateException on the cancelling thread, which nothing catches.</summary>
    public static void ThrowInACallback()
    {
        var program = new CancellationCallbacks();
        CancellationToken token = program._source.Token;
        token.Register(Fail);
        var canceller = new Thread(program.Cancel) { Name = "canceller" };
        canceller.Start();
        canceller.Join();
    }

    /// <summary>Registering on a token already cancelled runs the callback at once; a registration disposed before Cancel never runs. Returns (at once, after dispose).</summary>
    public static (int AtOnce, int AfterDispose) RegisterLateAndDisposeEarly()
    {
        var cancelled = new CancellationCallbacks();
        cancelled._source.Cancel();
        CancellationToken token = cancelled._source.Token;
        token.Register(cancelled.CountUnlocked); // @line:register-late
        int atOnce = cancelled._count;
        var disposed = new CancellationCallbacks();
        CancellationToken other = disposed._source.Token;
        CancellationTokenRegistration registration = other.Register(disposed.CountUnlocked);
        registration.Dispose();
        disposed._source.Cancel();
        return (atOnce, disposed._count);
    }

    /// <summary>
    /// Another thread cancels while this one disposes the registration and then reads what the callback wrote: Dispose
    /// waits for a running callback, so the read always sees its write (or the callback never runs).
    /// </summary>
    public static int DisposeThenRead() => UnregisterThenRead(dispose: true);

    /// <summary>The same with Unregister, which does not wait: the read races with a callback that is running.</summary>
    public static int UnregisterWithoutWaitingThenRead() => UnregisterThenRead(dispose: false);

    /// <summary>
    /// Disposes the registration while holding the lock its callback takes: if the callback is already running on the
    /// cancelling thread, Dispose waits for it under the lock it needs, a deadlock (as in .NET).
    /// </summary>
    public static void DisposeUnderTheCallbacksLock()
    {
        var program = new CancellationCallbacks();
        CancellationToken token = program._source.Token;
        CancellationTokenRegistration registration = token.Register(program.CountLocked); // @line:register-locked
        var canceller = new Thread(program.Cancel) { Name = "canceller" };
        canceller.Start();
        lock (program._gate)
        {
            registration.Dispose(); // @line:dispose-under-lock
        }
        canceller.Join();
    }

    /// <summary>CancelAfter's timer cancels on virtual time; its callback runs in the timer and races with the owner's count.</summary>
    public static async Task CountAfterATimer()
    {
        var program = new CancellationCallbacks();
        program._source.CancelAfter(10);
        CancellationToken token = program._source.Token;
        token.Register(program.CountUnlocked); // @line:register-timer
        await Task.Delay(5);
        program._count++;
        await Task.Delay(10);
    }

    private static int UnregisterThenRead(bool dispose)
    {
        var program = new CancellationCallbacks();
        CancellationToken token = program._source.Token;
        CancellationTokenRegistration registration = token.Register(program.CountUnlocked);
        var canceller = new Thread(program.Cancel) { Name = "canceller" };
        canceller.Start();
        if (dispose) registration.Dispose();
        else registration.Unregister();
        int seen = program._count; // @line:read-after-unregister
        canceller.Join();
        return seen;
    }

    private static void Fail() => throw new InvalidOperationException("the cancellation callback failed"); // @line:callback-throw

    private void CountUnlocked() => _count++; // @line:callback-count

    private void CountLocked()
    {
        lock (_gate) _count++;
    }

    private void Cancel() => _source.Cancel(); // @line:cancel
}
