namespace Lab.Systematic.Interception;

/// <summary>
/// Hooks the rewriter inserts before plain memory accesses (fields, array elements, non-thread-safe collections), so
/// each becomes a scheduling point checked for data races. Outside an exploration each hook returns at once.
/// See docs/rewriting.md.
/// </summary>
public static class MemoryAccess
{
    /// <summary>Before <c>ldfld</c>/<c>ldsfld</c>: <paramref name="owner"/> is null for a static field.</summary>
    public static void ReadField(object? owner, string field, string callerFile, int callerLine) { }

    /// <summary>Before <c>stfld</c>/<c>stsfld</c>: <paramref name="owner"/> is null for a static field.</summary>
    public static void WriteField(object? owner, string field, string callerFile, int callerLine) { }

    /// <summary>Before an array element load.</summary>
    public static void ReadElement(Array array, int index, string callerFile, int callerLine) { }

    /// <summary>Before an array element store.</summary>
    public static void WriteElement(Array array, int index, string callerFile, int callerLine) { }

    /// <summary>Before a reading call on a non-thread-safe collection (Count, Contains, TryGetValue, indexer get, ...).</summary>
    public static void ReadCollection(object collection, string member, string callerFile, int callerLine) { }

    /// <summary>Before a writing call on a non-thread-safe collection (Add, Remove, Enqueue, Dequeue, indexer set, ...).</summary>
    public static void WriteCollection(object collection, string member, string callerFile, int callerLine) { }
}
