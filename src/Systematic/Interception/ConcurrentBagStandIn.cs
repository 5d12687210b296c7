using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="ConcurrentBag{T}"/>: inside an exploration each call is one atomic step, a scheduling point and a synchronising access.
/// </summary>
[InterceptsType("System.Collections.Concurrent.ConcurrentBag`1")]
public static class ConcurrentBagStandIn
{
    /// <summary>Adds an item.</summary>
    public static void Add<T>(ConcurrentBag<T> collection, T item, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model)
        {
            collection.Add(item);
            return;
        }
        collection.Add(item);
        model.End(operation!, "Add", callerFile, callerLine);
    }

    /// <summary>Takes an item, if any.</summary>
    public static bool TryTake<T>(ConcurrentBag<T> collection, [MaybeNullWhen(false)] out T result, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryTake(out result);
        bool taken = collection.TryTake(out result);
        model.End(operation!, "TryTake", callerFile, callerLine, taken ? 1 : 0);
        return taken;
    }

    /// <summary>Reads an item, if any.</summary>
    public static bool TryPeek<T>(ConcurrentBag<T> collection, [MaybeNullWhen(false)] out T result, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryPeek(out result);
        bool taken = collection.TryPeek(out result);
        model.End(operation!, "TryPeek", callerFile, callerLine, taken ? 1 : 0);
        return taken;
    }

    /// <summary>The number of items.</summary>
    public static int get_Count<T>(ConcurrentBag<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.Count;
        int result = collection.Count;
        model.End(operation!, "Count", callerFile, callerLine, result);
        return result;
    }

    /// <summary>Whether there are no items.</summary>
    public static bool get_IsEmpty<T>(ConcurrentBag<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.IsEmpty;
        bool result = collection.IsEmpty;
        model.End(operation!, "IsEmpty", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>A snapshot of the items.</summary>
    public static T[] ToArray<T>(ConcurrentBag<T> collection, string callerFile, int callerLine, string? resourceName)
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.ToArray();
        T[] result = collection.ToArray();
        model.End(operation!, "ToArray", callerFile, callerLine);
        return result;
    }

    /// <summary>Removes every item.</summary>
    public static void Clear<T>(ConcurrentBag<T> collection, string callerFile, int callerLine, string? resourceName)
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
