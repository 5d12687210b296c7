namespace Lab.Rewriting.Fixtures;

/// <summary>A counter incremented with and without a lock: the lost update's shape in ordinary C#.</summary>
public sealed class Counter
{
    private readonly object _gate = new();
    private int _count;

    /// <summary>The unprotected increment: read, add, write.</summary>
    public void Increment()
    {
        _count++; // @line:counter-increment
    }

    /// <summary>The increment under the lock statement.</summary>
    public void IncrementLocked()
    {
        lock (_gate) // @line:counter-lock
        {
            _count++;
        }
    }

    /// <summary>The count so far.</summary>
    public int Count => _count;

    /// <summary>Two threads each increment under the lock <paramref name="increments"/> times; returns the final count.</summary>
    public static int RunLocked(int increments)
    {
        var counter = new Counter();
        var first = new Thread(() => Repeat(counter.IncrementLocked, increments)); // @line:counter-thread
        var second = new Thread(() => Repeat(counter.IncrementLocked, increments));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        return counter.Count;
    }

    /// <summary>Two threads each increment without a lock once: 2 unless the update is lost.</summary>
    public static int RunUnlocked()
    {
        var counter = new Counter();
        var first = new Thread(counter.Increment);
        var second = new Thread(counter.Increment);
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        return counter.Count;
    }

    private static void Repeat(Action action, int times)
    {
        for (int i = 0; i < times; i++) action();
    }
}
