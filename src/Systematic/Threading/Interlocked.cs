using System.Runtime.CompilerServices;
using Lab.Systematic.Runtime;
using Atomic = System.Threading.Interlocked;

namespace Lab.Systematic.Threading;

/// <summary>
/// Atomic operations with the names of <see cref="System.Threading.Interlocked"/>; inside an exploration each is a
/// scheduling point and a synchronising access for race detection.
/// </summary>
public static class Interlocked
{
    /// <summary>Atomically adds one; returns the new value.</summary>
    public static int Increment(ref int location, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.Increment", file, line);
        return Atomic.Increment(ref location);
    }

    /// <summary>Atomically adds one; returns the new value.</summary>
    public static long Increment(ref long location, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.Increment", file, line);
        return Atomic.Increment(ref location);
    }

    /// <summary>Atomically subtracts one; returns the new value.</summary>
    public static int Decrement(ref int location, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.Decrement", file, line);
        return Atomic.Decrement(ref location);
    }

    /// <summary>Atomically subtracts one; returns the new value.</summary>
    public static long Decrement(ref long location, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.Decrement", file, line);
        return Atomic.Decrement(ref location);
    }

    /// <summary>Atomically adds <paramref name="value"/>; returns the new value.</summary>
    public static int Add(ref int location, int value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.Add", file, line);
        return Atomic.Add(ref location, value);
    }

    /// <summary>Atomically adds <paramref name="value"/>; returns the new value.</summary>
    public static long Add(ref long location, long value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.Add", file, line);
        return Atomic.Add(ref location, value);
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static int Exchange(ref int location, int value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.Exchange", file, line);
        return Atomic.Exchange(ref location, value);
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static long Exchange(ref long location, long value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.Exchange", file, line);
        return Atomic.Exchange(ref location, value);
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static T Exchange<T>(ref T location, T value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) where T : class?
    {
        Step("Interlocked.Exchange", file, line);
        return Atomic.Exchange(ref location, value);
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static int CompareExchange(ref int location, int value, int comparand, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.CompareExchange", file, line);
        return Atomic.CompareExchange(ref location, value, comparand);
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static long CompareExchange(ref long location, long value, long comparand, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.CompareExchange", file, line);
        return Atomic.CompareExchange(ref location, value, comparand);
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static T CompareExchange<T>(ref T location, T value, T comparand, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) where T : class?
    {
        Step("Interlocked.CompareExchange", file, line);
        return Atomic.CompareExchange(ref location, value, comparand);
    }

    /// <summary>A full fence. Exploration assumes sequential consistency, so inside one it is only a scheduling point.</summary>
    public static void MemoryBarrier([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Step("Interlocked.MemoryBarrier", file, line);
        Atomic.MemoryBarrier();
    }

    /// <summary>The scheduling point and happens-before edge shared by every atomic access.</summary>
    internal static void Step(string action, string file, int line)
    {
        if (ControlledRuntime.Current is not { } runtime) return;
        ControlledOperation operation = runtime.Enter(action);
        runtime.SchedulingPoint(operation);
        runtime.Races?.Atomic(operation);
        runtime.Record(operation, action, null, file, line);
    }
}
