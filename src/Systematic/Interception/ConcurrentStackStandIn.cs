using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="ConcurrentStack{T}"/>: inside an exploration each call is one atomic step, a scheduling point and a synchronising access.
/// </summary>
[InterceptsType("System.Collections.Concurrent.ConcurrentStack`1")]
public static class ConcurrentStackStandIn
{
    /// <summary>Pushes an item.</summary>
    public static void Push<T>(ConcurrentStack<T> collection, T item, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model)
        {
            collection.Push(item);
            return;
        }
        collection.Push(item);
        model.End(operation!, "Push", callerFile, callerLine);
    }

    /// <summary>Pushes several items at once.</summary>
    public static void PushRange<T>(ConcurrentStack<T> collection, T[] items, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model)
        {
            collection.PushRange(items);
            return;
        }
        collection.PushRange(items);
        model.End(operation!, "PushRange", callerFile, callerLine);
    }

    /// <summary>Pops the top item, if any.</summary>
    public static bool TryPop<T>(ConcurrentStack<T> collection, [MaybeNullWhen(false)] out T result, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryPop(out result);
        bool taken = collection.TryPop(out result);
        model.End(operation!, "TryPop", callerFile, callerLine, taken ? 1 : 0);
        return taken;
    }

    /// <summary>Reads the top item, if any.</summary>
    public static bool TryPeek<T>(ConcurrentStack<T> collection, [MaybeNullWhen(false)] out T result, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryPeek(out result);
        bool taken = collection.TryPeek(out result);
        model.End(operation!, "TryPeek", callerFile, callerLine, taken ? 1 : 0);
        return taken;
    }

    /// <summary>The number of items.</summary>
    public static int get_Count<T>(ConcurrentStack<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.Count;
        int result = collection.Count;
        model.End(operation!, "Count", callerFile, callerLine, result);
        return result;
    }

    /// <summary>Whether there are no items.</summary>
    public static bool get_IsEmpty<T>(ConcurrentStack<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.IsEmpty;
        bool result = collection.IsEmpty;
        model.End(operation!, "IsEmpty", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>A snapshot of the items.</summary>
    public static T[] ToArray<T>(ConcurrentStack<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.ToArray();
        T[] result = collection.ToArray();
        model.End(operation!, "ToArray", callerFile, callerLine);
        return result;
    }

    /// <summary>Removes every item.</summary>
    public static void Clear<T>(ConcurrentStack<T> collection, string callerFile, int callerLine, string? resourceName)
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
