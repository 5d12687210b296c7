namespace Lab.Rewriting.Fixtures.Async;

/// <summary>A counter incremented by async methods that yield between reading and writing: the lost update of async code.</summary>
public sealed class AsyncCounter
{
    private readonly object _gate = new();
    private int _count;

    /// <summary>Reads, yields (the rest runs as a continuation), writes what it read plus one.</summary>
    public async Task IncrementAcrossAnAwaitAsync()
    {
        int seen = _count;
        await Task.Yield(); // @line:async-yield
        _count = seen + 1; // @line:async-write
    }

    /// <summary>Yields first, then increments under the lock: nothing is held across the await.</summary>
    public async Task IncrementAfterTheAwaitAsync()
    {
        await Task.Yield();
        lock (_gate)
        {
            _count++;
        }
    }

    /// <summary>The same increment as an async ValueTask method.</summary>
    public async ValueTask IncrementAcrossAnAwaitValueTaskAsync()
    {
        int seen = _count;
        await Task.Yield();
        _count = seen + 1;
    }

    /// <summary>Two ValueTask increments awaited in turn; 2 unless an update is lost.</summary>
    public static async ValueTask<int> RunValueTasksAcrossAwaits()
    {
        var counter = new AsyncCounter();
        ValueTask first = counter.IncrementAcrossAnAwaitValueTaskAsync();
        ValueTask second = counter.IncrementAcrossAnAwaitValueTaskAsync();
        await first;
        await second.ConfigureAwait(false);
        return counter._count;
    }

    /// <summary>Two ValueTask increments, one awaited before the other starts: always 2.</summary>
    public static async ValueTask<int> RunValueTasksInTurn()
    {
        var counter = new AsyncCounter();
        await counter.IncrementAcrossAnAwaitValueTaskAsync();
        await counter.IncrementAcrossAnAwaitValueTaskAsync();
        return counter._count;
    }

    /// <summary>Two increments that await across their read and write, joined by WhenAll; 2 unless an update is lost.</summary>
    public static async Task<int> RunAcrossAwaits()
    {
        var counter = new AsyncCounter();
        await Task.WhenAll(counter.IncrementAcrossAnAwaitAsync(), counter.IncrementAcrossAnAwaitAsync()); // @line:async-whenall
        return counter._count;
    }

    /// <summary>Two increments that read and write after their await, under the lock; always 2.</summary>
    public static async Task<int> RunAfterAwaits()
    {
        var counter = new AsyncCounter();
        await Task.WhenAll(counter.IncrementAfterTheAwaitAsync(), counter.IncrementAfterTheAwaitAsync());
        lock (counter._gate)
        {
            return counter._count;
        }
    }
}
