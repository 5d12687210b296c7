using System.Runtime.InteropServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Hooks the rewriter inserts before plain memory accesses (fields, array elements, non-thread-safe collections), so
/// each becomes a scheduling point checked for data races. Outside an exploration each hook returns at once.
/// See docs/rewriting.md.
/// </summary>
/// <remarks>
/// Inside an exploration a hook is the same visible step as a <c>Shared&lt;T&gt;</c> access: a scheduling point, a
/// "read"/"write" step naming the location, and (with race detection on) a happens-before check. The access itself
/// follows the hook with no scheduling point in between, so it happens at the step the trace shows. Locations are
/// keyed by (owner identity, field), (array identity, index) or collection identity in a table of the iteration,
/// cleared with its buffers: nothing outlives the iteration.
/// </remarks>
public static class MemoryAccess
{

    /// <summary>Before <c>ldfld</c>/<c>ldsfld</c>: <paramref name="owner"/> is null for a static field.</summary>
    public static void ReadField(object? owner, string field, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return;
        FieldAccess(operation, owner, field, isWrite: false, callerFile, callerLine);
    }

    /// <summary>Before <c>stfld</c>/<c>stsfld</c>: <paramref name="owner"/> is null for a static field.</summary>
    public static void WriteField(object? owner, string field, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return;
        FieldAccess(operation, owner, field, isWrite: true, callerFile, callerLine);
    }

    /// <summary>Before an array element load.</summary>
    public static void ReadElement(Array array, int index, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return;
        ElementAccess(operation, array, index, isWrite: false, callerFile, callerLine);
    }

    /// <summary>Before an array element store.</summary>
    public static void WriteElement(Array array, int index, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return;
        ElementAccess(operation, array, index, isWrite: true, callerFile, callerLine);
    }

    /// <summary>Before a reading call on a non-thread-safe collection (Count, Contains, TryGetValue, indexer get, ...).</summary>
    public static void ReadCollection(object collection, string member, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return;
        CollectionAccess(operation, collection, member, isWrite: false, callerFile, callerLine);
    }

    /// <summary>Before a writing call on a non-thread-safe collection (Add, Remove, Enqueue, Dequeue, indexer set, ...).</summary>
    public static void WriteCollection(object collection, string member, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return;
        CollectionAccess(operation, collection, member, isWrite: true, callerFile, callerLine);
    }

    /// <summary>A field access: its step names the field itself, so the table is needed only for race detection.</summary>
    private static void FieldAccess(ControlledOperation operation, object? owner, string field, bool isWrite, string file, int line)
    {
        ControlledRuntime runtime = operation.Runtime;
        ControlledRuntime.ThrowIfCanceled(runtime);
        runtime.SchedulingPoint(operation);
        if (runtime.Races is { } races)
        {
            SharedAccessHistory history = HistoryOf(runtime, new MemoryLocation(owner, field, MemoryLocation.Field), field);
            races.Access(operation, history, isWrite, file, line);
        }
        runtime.Record(operation, isWrite ? "write" : "read", field, file, line);
    }

    private static void ElementAccess(ControlledOperation operation, Array array, int index, bool isWrite, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(array);
        ControlledRuntime runtime = operation.Runtime;
        ControlledRuntime.ThrowIfCanceled(runtime);
        runtime.SchedulingPoint(operation);
        SharedAccessHistory history = HistoryOf(runtime, new MemoryLocation(array, null, index), null);
        runtime.Races?.Access(operation, history, isWrite, file, line);
        runtime.Record(operation, isWrite ? "write" : "read", history.Name, file, line);
    }

    private static void CollectionAccess(ControlledOperation operation, object collection, string member, bool isWrite, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ControlledRuntime runtime = operation.Runtime;
        ControlledRuntime.ThrowIfCanceled(runtime);
        runtime.SchedulingPoint(operation);
        var location = new MemoryLocation(collection, null, MemoryLocation.Collection);
        SharedAccessHistory history = HistoryOf(runtime, location, null);
        runtime.Races?.Access(operation, history, isWrite, file, line);
        // The step names the call on the collection ("Add(List<Int32>)"): the resource is the collection itself, so
        // every call on it is dependent for DPOR (which reads a call it cannot classify as a write: sound, if coarse).
        runtime.Record(operation, member, history.Name, file, line);
    }

    /// <summary>The location's history in this iteration, created (and named) on its first access.</summary>
    private static SharedAccessHistory HistoryOf(ControlledRuntime runtime, MemoryLocation location, string? name)
    {
        ref SharedAccessHistory? history = ref CollectionsMarshal.GetValueRefOrAddDefault(runtime.MemoryLocations, location, out _);
        return history ??= new SharedAccessHistory(name ?? NameOf(location));
    }

    /// <summary>"Int32[3]" for an element, "List&lt;Int32&gt;" for a collection.</summary>
    private static string NameOf(MemoryLocation location)
    {
        Type type = location.Owner!.GetType();
        return location.Index >= 0 ? $"{TypeNames.Short(type.GetElementType()!)}[{location.Index}]" : TypeNames.Short(type);
    }
}
