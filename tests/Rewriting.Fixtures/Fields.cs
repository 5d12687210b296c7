namespace Lab.Rewriting.Fixtures;

/// <summary>Field accesses the field pass hooks, and the ones docs/rewriting.md says it skips.</summary>
public sealed class Fields
{
    private const int Limit = 10;
    [ThreadStatic] private static int t_perThread;
    private static int s_shared;
    private readonly int _fixed;
    private int _plain;
    private volatile int _flag;
    private Point _point;

    /// <summary>The constructor writes this's fields (not hooked) and another object's field (hooked).</summary>
    public Fields(int value, Fields? other = null)
    {
        _fixed = value; // @line:ctor-own
        _plain = value;
        if (other is not null) other._plain = value; // @line:ctor-other
    }

    /// <summary>Reads and writes the skipped kinds: const, readonly, [ThreadStatic], a struct's field.</summary>
    public int Skipped()
    {
        t_perThread += Limit;
        _point.X = _fixed;
        return t_perThread + _point.X;
    }

    /// <summary>A static field: the hooks get a null owner.</summary>
    public static int Static()
    {
        s_shared += 2; // @line:static
        return s_shared;
    }

    /// <summary>A volatile field: the prefix must stay next to the access after the hook is inserted.</summary>
    public int Volatile()
    {
        _flag = 3;
        return _flag;
    }

    /// <summary>An object initializer's fields are written before anyone can see the object.</summary>
    public static int Initializer() => new Holder { Value = 5 }.Value;

    /// <summary>A local captured by lambdas run on two threads lives in a shared closure object: hooked.</summary>
    public static int Captured()
    {
        int hits = 0;
        var first = new Thread(() => hits++); // @line:captured
        var second = new Thread(() => hits++);
        first.Start();
        first.Join();
        second.Start();
        second.Join();
        return hits;
    }

    /// <summary>An async method: its hoisted locals live in the state machine and are not hooked.</summary>
    public async Task<int> AsyncSum(int n)
    {
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            await Task.Yield();
            sum += i;
        }
        return sum + _plain;
    }

    private struct Point
    {
        public int X;
    }

    /// <summary>An object built with an initializer.</summary>
    public sealed class Holder
    {
        /// <summary>A settable field.</summary>
        public int Value;
    }
}

/// <summary>A generic class: stored values are parked in temporaries typed by the class's own parameter.</summary>
/// <typeparam name="T">The boxed value's type.</typeparam>
public sealed class Box<T>
{
    private T? _value;

    /// <summary>Stores <paramref name="value"/> and returns the previous value.</summary>
    public T? Swap(T value)
    {
        T? previous = _value;
        _value = value;
        return previous;
    }

    /// <summary>Fills a fresh box and a list of the same type from generic code.</summary>
    public static string Fill<TItem>(TItem first, TItem second)
    {
        var box = new Box<TItem>();
        box.Swap(first);
        var items = new List<TItem> { box.Swap(second)! };
        TItem[] array = [second];
        array[0] = first;
        return $"{items[0]}{array[0]}";
    }
}
