using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="ConcurrentQueue{T}"/>: inside an exploration each call is one atomic step, a scheduling point and a synchronising access.
/// </summary>
[InterceptsType("System.Collections.Concurrent.ConcurrentQueue`1")]
public static class ConcurrentQueueStandIn
{
    /// <summary>Adds an item at the tail.</summary>
    public static void Enqueue<T>(ConcurrentQueue<T> collection, T item, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model)
        {
            collection.Enqueue(item);
            return;
        }
        collection.Enqueue(item);
        model.End(operation!, "Enqueue", callerFile, callerLine);
    }

    /// <summary>Removes the head item, if any.</summary>
    public static bool TryDequeue<T>(ConcurrentQueue<T> collection, [MaybeNullWhen(false)] out T result, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryDequeue(out result);
        bool taken = collection.TryDequeue(out result);
        model.End(operation!, "TryDequeue", callerFile, callerLine, taken ? 1 : 0);
        return taken;
    }

    /// <summary>Reads the head item, if any.</summary>
    public static bool TryPeek<T>(ConcurrentQueue<T> collection, [MaybeNullWhen(false)] out T result, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryPeek(out result);
        bool taken = collection.TryPeek(out result);
        model.End(operation!, "TryPeek", callerFile, callerLine, taken ? 1 : 0);
        return taken;
    }

    /// <summary>The number of items.</summary>
    public static int get_Count<T>(ConcurrentQueue<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.Count;
        int result = collection.Count;
        model.End(operation!, "Count", callerFile, callerLine, result);
        return result;
    }

    /// <summary>Whether there are no items.</summary>
    public static bool get_IsEmpty<T>(ConcurrentQueue<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.IsEmpty;
        bool result = collection.IsEmpty;
        model.End(operation!, "IsEmpty", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>A snapshot of the items.</summary>
    public static T[] ToArray<T>(ConcurrentQueue<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.ToArray();
        T[] result = collection.ToArray();
        model.End(operation!, "ToArray", callerFile, callerLine);
        return result;
    }

    /// <summary>Removes every item.</summary>
    public static void Clear<T>(ConcurrentQueue<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model)
        {
            collection.Clear();
            return;
        }
        collection.Clear();
        model.End(operation!, "Clear", callerFile, callerLine);
    }
}
