namespace Lab.Rewriting.Fixtures;

/// <summary>Monitor called by hand, a Lock with the lock statement, SemaphoreSlim and SpinLock.</summary>
public sealed class ExplicitMonitor
{
    private static readonly object Gate = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _semaphore = new(1);
    private SpinLock _spin = new(false);
    private int _total;

    /// <summary>Monitor.Enter/Exit by hand around a static gate.</summary>
    public static int EnterAndExit()
    {
        Monitor.Enter(Gate); // @line:monitor-enter
        try
        {
            return 1;
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    /// <summary>A monitor that waits with a time-out: Monitor.Wait has no stand-in in the test doubles.</summary>
    public static bool WaitBriefly()
    {
        lock (Gate)
        {
            return Monitor.Wait(Gate, 1);
        }
    }

    /// <summary>The lock statement on System.Threading.Lock: EnterScope and Lock.Scope.Dispose.</summary>
    public int AddUnderLock(int amount)
    {
        lock (_lock) // @line:lock-scope
        {
            _total += amount;
        }
        return _total;
    }

    /// <summary>SemaphoreSlim.Wait and Release.</summary>
    public int AddUnderSemaphore(int amount)
    {
        _semaphore.Wait();
        try
        {
            _total += amount;
        }
        finally
        {
            _semaphore.Release();
        }
        return _total;
    }

    /// <summary>A SpinLock in a field: its Enter/Exit take the struct by reference.</summary>
    public int AddUnderSpinLock(int amount)
    {
        bool taken = false;
        try
        {
            _spin.Enter(ref taken);
            _total += amount;
        }
        finally
        {
            if (taken) _spin.Exit();
        }
        return _total;
    }

    /// <summary>A SpinLock local made with its constructor (a struct constructor called on an address).</summary>
    public static bool LocalSpinLock()
    {
        var spin = new SpinLock(false);
        bool taken = false;
        spin.Enter(ref taken);
        if (taken) spin.Exit();
        return taken;
    }

    /// <summary>Task&lt;int&gt;.Result: a member of a generic type.</summary>
    public static int TaskResult() => Task.FromResult(41).Result + 1;

    /// <summary>Interlocked.CompareExchange&lt;T&gt;: a generic method.</summary>
    public static string CompareExchange()
    {
        string location = "old";
        string previous = Interlocked.CompareExchange(ref location, "new", "old");
        return previous + "->" + location;
    }
}
