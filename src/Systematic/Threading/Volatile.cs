using System.Runtime.CompilerServices;
using Plain = System.Threading.Volatile;

namespace Lab.Systematic.Threading;

/// <summary>Volatile reads and writes with the names of <see cref="System.Threading.Volatile"/>; each is a scheduling point under exploration.</summary>
public static class Volatile
{
    /// <summary>Reads with acquire semantics.</summary>
    public static int Read(ref int location, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Interlocked.Step("Volatile.Read", file, line);
        return Plain.Read(ref location);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static long Read(ref long location, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Interlocked.Step("Volatile.Read", file, line);
        return Plain.Read(ref location);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static bool Read(ref bool location, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Interlocked.Step("Volatile.Read", file, line);
        return Plain.Read(ref location);
    }

    /// <summary>Reads with acquire semantics.</summary>
    public static T Read<T>(ref T location, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) where T : class?
    {
        Interlocked.Step("Volatile.Read", file, line);
        return Plain.Read(ref location);
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref int location, int value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Interlocked.Step("Volatile.Write", file, line);
        Plain.Write(ref location, value);
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref long location, long value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Interlocked.Step("Volatile.Write", file, line);
        Plain.Write(ref location, value);
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write(ref bool location, bool value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Interlocked.Step("Volatile.Write", file, line);
        Plain.Write(ref location, value);
    }

    /// <summary>Writes with release semantics.</summary>
    public static void Write<T>(ref T location, T value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) where T : class?
    {
        Interlocked.Step("Volatile.Write", file, line);
        Plain.Write(ref location, value);
    }
}
