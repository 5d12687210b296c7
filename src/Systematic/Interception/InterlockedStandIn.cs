using Atomic = System.Threading.Interlocked;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.Interlocked"/>: inside an exploration each operation is a scheduling
/// point and a synchronising access (so no false race is reported around it), recorded with the value it produced.
/// </summary>
[InterceptsType("System.Threading.Interlocked")]
public static class InterlockedStandIn
{
    /// <summary>Atomically adds one; returns the new value.</summary>
    public static int Increment(ref int location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Increment(ref location);
        int result = Atomic.Increment(ref location);
        AtomicStep.End(operation, "Interlocked.Increment", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically subtracts one; returns the new value.</summary>
    public static int Decrement(ref int location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Decrement(ref location);
        int result = Atomic.Decrement(ref location);
        AtomicStep.End(operation, "Interlocked.Decrement", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically adds <paramref name="value"/>; returns the new value.</summary>
    public static int Add(ref int location, int value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Add(ref location, value);
        int result = Atomic.Add(ref location, value);
        AtomicStep.End(operation, "Interlocked.Add", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically adds one; returns the new value.</summary>
    public static long Increment(ref long location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Increment(ref location);
        long result = Atomic.Increment(ref location);
        AtomicStep.End(operation, "Interlocked.Increment", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically subtracts one; returns the new value.</summary>
    public static long Decrement(ref long location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Decrement(ref location);
        long result = Atomic.Decrement(ref location);
        AtomicStep.End(operation, "Interlocked.Decrement", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically adds <paramref name="value"/>; returns the new value.</summary>
    public static long Add(ref long location, long value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Add(ref location, value);
        long result = Atomic.Add(ref location, value);
        AtomicStep.End(operation, "Interlocked.Add", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically adds one; returns the new value.</summary>
    public static uint Increment(ref uint location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Increment(ref location);
        uint result = Atomic.Increment(ref location);
        AtomicStep.End(operation, "Interlocked.Increment", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically subtracts one; returns the new value.</summary>
    public static uint Decrement(ref uint location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Decrement(ref location);
        uint result = Atomic.Decrement(ref location);
        AtomicStep.End(operation, "Interlocked.Decrement", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically adds <paramref name="value"/>; returns the new value.</summary>
    public static uint Add(ref uint location, uint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Add(ref location, value);
        uint result = Atomic.Add(ref location, value);
        AtomicStep.End(operation, "Interlocked.Add", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically adds one; returns the new value.</summary>
    public static ulong Increment(ref ulong location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Increment(ref location);
        ulong result = Atomic.Increment(ref location);
        AtomicStep.End(operation, "Interlocked.Increment", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Atomically subtracts one; returns the new value.</summary>
    public static ulong Decrement(ref ulong location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Decrement(ref location);
        ulong result = Atomic.Decrement(ref location);
        AtomicStep.End(operation, "Interlocked.Decrement", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Atomically adds <paramref name="value"/>; returns the new value.</summary>
    public static ulong Add(ref ulong location, ulong value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Add(ref location, value);
        ulong result = Atomic.Add(ref location, value);
        AtomicStep.End(operation, "Interlocked.Add", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Atomically ands in <paramref name="value"/>; returns the old value.</summary>
    public static int And(ref int location, int value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.And(ref location, value);
        int result = Atomic.And(ref location, value);
        AtomicStep.End(operation, "Interlocked.And", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically ors in <paramref name="value"/>; returns the old value.</summary>
    public static int Or(ref int location, int value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Or(ref location, value);
        int result = Atomic.Or(ref location, value);
        AtomicStep.End(operation, "Interlocked.Or", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically ands in <paramref name="value"/>; returns the old value.</summary>
    public static long And(ref long location, long value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.And(ref location, value);
        long result = Atomic.And(ref location, value);
        AtomicStep.End(operation, "Interlocked.And", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically ors in <paramref name="value"/>; returns the old value.</summary>
    public static long Or(ref long location, long value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Or(ref location, value);
        long result = Atomic.Or(ref location, value);
        AtomicStep.End(operation, "Interlocked.Or", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically ands in <paramref name="value"/>; returns the old value.</summary>
    public static uint And(ref uint location, uint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.And(ref location, value);
        uint result = Atomic.And(ref location, value);
        AtomicStep.End(operation, "Interlocked.And", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically ors in <paramref name="value"/>; returns the old value.</summary>
    public static uint Or(ref uint location, uint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Or(ref location, value);
        uint result = Atomic.Or(ref location, value);
        AtomicStep.End(operation, "Interlocked.Or", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically ands in <paramref name="value"/>; returns the old value.</summary>
    public static ulong And(ref ulong location, ulong value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.And(ref location, value);
        ulong result = Atomic.And(ref location, value);
        AtomicStep.End(operation, "Interlocked.And", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Atomically ors in <paramref name="value"/>; returns the old value.</summary>
    public static ulong Or(ref ulong location, ulong value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Or(ref location, value);
        ulong result = Atomic.Or(ref location, value);
        AtomicStep.End(operation, "Interlocked.Or", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Reads a 64-bit value atomically.</summary>
    public static long Read(ref long location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Read(ref location);
        long result = Atomic.Read(ref location);
        AtomicStep.End(operation, "Interlocked.Read", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Reads a 64-bit value atomically.</summary>
    public static ulong Read(ref ulong location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Read(ref location);
        ulong result = Atomic.Read(ref location);
        AtomicStep.End(operation, "Interlocked.Read", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static int Exchange(ref int location, int value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        int result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static int CompareExchange(ref int location, int value, int comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        int result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static long Exchange(ref long location, long value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        long result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static long CompareExchange(ref long location, long value, long comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        long result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static sbyte Exchange(ref sbyte location, sbyte value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        sbyte result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static sbyte CompareExchange(ref sbyte location, sbyte value, sbyte comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        sbyte result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static short Exchange(ref short location, short value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        short result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static short CompareExchange(ref short location, short value, short comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        short result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static byte Exchange(ref byte location, byte value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        byte result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static byte CompareExchange(ref byte location, byte value, byte comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        byte result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static ushort Exchange(ref ushort location, ushort value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        ushort result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static ushort CompareExchange(ref ushort location, ushort value, ushort comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        ushort result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static uint Exchange(ref uint location, uint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        uint result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static uint CompareExchange(ref uint location, uint value, uint comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        uint result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static ulong Exchange(ref ulong location, ulong value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        ulong result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static ulong CompareExchange(ref ulong location, ulong value, ulong comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        ulong result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static float Exchange(ref float location, float value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        float result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static float CompareExchange(ref float location, float value, float comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        float result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static double Exchange(ref double location, double value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        double result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static double CompareExchange(ref double location, double value, double comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        double result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static nint Exchange(ref nint location, nint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        nint result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static nint CompareExchange(ref nint location, nint value, nint comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        nint result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static nuint Exchange(ref nuint location, nuint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        nuint result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static nuint CompareExchange(ref nuint location, nuint value, nuint comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        nuint result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static object? Exchange(ref object? location, object? value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        object? result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static object? CompareExchange(ref object? location, object? value, object? comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        object? result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Atomically stores <paramref name="value"/>; returns the old value.</summary>
    public static T Exchange<T>(ref T location, T value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.Exchange(ref location, value);
        T result = Atomic.Exchange(ref location, value);
        AtomicStep.End(operation, "Interlocked.Exchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns the old value.</summary>
    public static T CompareExchange<T>(ref T location, T value, T comparand, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Atomic.CompareExchange(ref location, value, comparand);
        T result = Atomic.CompareExchange(ref location, value, comparand);
        AtomicStep.End(operation, "Interlocked.CompareExchange", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>A full fence. Exploration runs sequentially consistent, so inside one it is a scheduling point only.</summary>
    public static void MemoryBarrier(string callerFile, int callerLine)
    {
        if (AtomicStep.Begin() is { } operation) AtomicStep.End(operation, "Interlocked.MemoryBarrier", null, callerFile, callerLine);
        Atomic.MemoryBarrier();
    }

    /// <summary>A process-wide fence; like <see cref="MemoryBarrier"/> inside an exploration.</summary>
    public static void MemoryBarrierProcessWide(string callerFile, int callerLine)
    {
        if (AtomicStep.Begin() is { } operation) AtomicStep.End(operation, "Interlocked.MemoryBarrier", null, callerFile, callerLine);
        Atomic.MemoryBarrierProcessWide();
    }
}
