using Plain = System.Threading.Volatile;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.Volatile"/>: inside an exploration each read or write is a scheduling
/// point and a synchronising access, recorded with its value.
/// </summary>
[InterceptsType("System.Threading.Volatile")]
public static class VolatileStandIn
{
    /// <summary>Reads with acquire semantics.</summary>
    public static bool Read(ref bool location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        bool result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref bool location, bool value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, value ? 1 : 0);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static byte Read(ref byte location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        byte result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref byte location, byte value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, value);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static sbyte Read(ref sbyte location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        sbyte result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref sbyte location, sbyte value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, value);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static short Read(ref short location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        short result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref short location, short value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, value);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static ushort Read(ref ushort location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        ushort result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref ushort location, ushort value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, value);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static int Read(ref int location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        int result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref int location, int value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, value);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static uint Read(ref uint location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        uint result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref uint location, uint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, value);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static long Read(ref long location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        long result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, result);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref long location, long value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, value);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static ulong Read(ref ulong location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        ulong result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine, unchecked((long)result));
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref ulong location, ulong value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine, unchecked((long)value));
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static nint Read(ref nint location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        nint result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref nint location, nint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static nuint Read(ref nuint location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        nuint result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref nuint location, nuint value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static float Read(ref float location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        float result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref float location, float value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static double Read(ref double location, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        double result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref double location, double value, string callerFile, int callerLine, string? resourceName)
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static T Read<T>(ref T location, string callerFile, int callerLine, string? resourceName) where T : class?
    {
        if (AtomicStep.Begin() is not { } operation) return Plain.Read(ref location);
        T result = Plain.Read(ref location);
        AtomicStep.End(operation, "Volatile.Read", resourceName, callerFile, callerLine);
        return result;
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write<T>(ref T location, T value, string callerFile, int callerLine, string? resourceName) where T : class?
    {
        if (AtomicStep.Begin() is not { } operation)
        {
            Plain.Write(ref location, value);
            return;
        }
        Plain.Write(ref location, value);
        AtomicStep.End(operation, "Volatile.Write", resourceName, callerFile, callerLine);
    }

    /// <summary>A read fence: a scheduling point inside an exploration.</summary>
    public static void ReadBarrier(string callerFile, int callerLine)
    {
        if (AtomicStep.Begin() is { } operation) AtomicStep.End(operation, "Volatile.ReadBarrier", null, callerFile, callerLine);
        Plain.ReadBarrier();
    }

    /// <summary>A write fence: a scheduling point inside an exploration.</summary>
    public static void WriteBarrier(string callerFile, int callerLine)
    {
        if (AtomicStep.Begin() is { } operation) AtomicStep.End(operation, "Volatile.WriteBarrier", null, callerFile, callerLine);
        Plain.WriteBarrier();
    }
}
