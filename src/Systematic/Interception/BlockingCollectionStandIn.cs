using System.Collections.Concurrent;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="BlockingCollection{T}"/>: inside an exploration its blocking (Take on empty, bounded Add
/// on full, CompleteAdding) is modelled for the iteration; one created outside and used inside is reported.
/// </summary>
[InterceptsType("System.Collections.Concurrent.BlockingCollection`1")]
public static class BlockingCollectionStandIn
{
    /// <summary>Creates an unbounded collection (a ConcurrentQueue underneath).</summary>
    public static BlockingCollection<T> New<T>(string callerFile, int callerLine, string? resourceName) =>
        Track(new BlockingCollection<T>(), resourceName);

    /// <summary>Creates a collection holding at most <paramref name="boundedCapacity"/> items.</summary>
    public static BlockingCollection<T> New<T>(int boundedCapacity, string callerFile, int callerLine, string? resourceName) =>
        Track(new BlockingCollection<T>(boundedCapacity), resourceName);

    /// <summary>Adds an item, blocking while a bounded collection is full.</summary>
    public static void Add<T>(BlockingCollection<T> collection, T item, string callerFile, int callerLine)
    {
        if (ModelOf(collection, "BlockingCollection.Add") is { } model) model.Add(item, Timeout.Infinite, callerFile, callerLine);
        else collection.Add(item);
    }

    /// <summary>Adds an item if there is room now.</summary>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, string callerFile, int callerLine) =>
        ModelOf(collection, "BlockingCollection.TryAdd") is { } model ? model.Add(item, 0, callerFile, callerLine) : collection.TryAdd(item);

    /// <summary>Adds an item if there is room within the timeout; under exploration timing out is a choice.</summary>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, int millisecondsTimeout, string callerFile, int callerLine) =>
        ModelOf(collection, "BlockingCollection.TryAdd") is { } model
            ? model.Add(item, ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine)
            : collection.TryAdd(item, millisecondsTimeout);

    /// <summary>Takes an item, blocking while empty; InvalidOperationException when empty and complete, as in .NET.</summary>
    public static T Take<T>(BlockingCollection<T> collection, string callerFile, int callerLine)
    {
        if (ModelOf(collection, "BlockingCollection.Take") is not { } model) return collection.Take();
        if (model.TryTake(out T item, Timeout.Infinite, callerFile, callerLine)) return item;
        throw new InvalidOperationException("The collection argument is empty and has been marked as complete with regards to additions.");
    }

    /// <summary>Takes an item if there is one now.</summary>
    public static bool TryTake<T>(BlockingCollection<T> collection, out T item, string callerFile, int callerLine)
    {
        if (ModelOf(collection, "BlockingCollection.TryTake") is { } model) return model.TryTake(out item, 0, callerFile, callerLine);
        return collection.TryTake(out item!);
    }

    /// <summary>Takes an item within the timeout; under exploration timing out is a choice.</summary>
    public static bool TryTake<T>(BlockingCollection<T> collection, out T item, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ModelOf(collection, "BlockingCollection.TryTake") is { } model)
        {
            return model.TryTake(out item, ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine);
        }
        return collection.TryTake(out item!, millisecondsTimeout);
    }

    /// <summary>Takes an item within the timeout.</summary>
    public static bool TryTake<T>(BlockingCollection<T> collection, out T item, TimeSpan timeout, string callerFile, int callerLine)
    {
        if (ModelOf(collection, "BlockingCollection.TryTake") is { } model)
        {
            return model.TryTake(out item, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);
        }
        return collection.TryTake(out item!, timeout);
    }

    /// <summary>Marks adding as complete: takers drain what is left, then stop.</summary>
    public static void CompleteAdding<T>(BlockingCollection<T> collection, string callerFile, int callerLine)
    {
        if (ModelOf(collection, "BlockingCollection.CompleteAdding") is { } model) model.CompleteAdding(callerFile, callerLine);
        else collection.CompleteAdding();
    }

    /// <summary>Takes items until the collection is empty and complete, each take a controlled wait.</summary>
    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> collection, string callerFile, int callerLine)
    {
        if (ModelOf(collection, "BlockingCollection.GetConsumingEnumerable") is not { } model) return collection.GetConsumingEnumerable();
        return Consume(model, callerFile, callerLine);
    }

    /// <summary>The number of items (not a scheduling point).</summary>
    public static int get_Count<T>(BlockingCollection<T> collection, string callerFile, int callerLine) => collection.Count;

    /// <summary>Whether adding is complete (not a scheduling point).</summary>
    public static bool get_IsAddingCompleted<T>(BlockingCollection<T> collection, string callerFile, int callerLine) => collection.IsAddingCompleted;

    /// <summary>Whether adding is complete and the collection empty (not a scheduling point).</summary>
    public static bool get_IsCompleted<T>(BlockingCollection<T> collection, string callerFile, int callerLine) => collection.IsCompleted;

    private static IEnumerable<T> Consume<T>(BlockingCollectionModel<T> model, string file, int line)
    {
        while (model.TryTake(out T item, Timeout.Infinite, file, line)) yield return item;
    }

    private static BlockingCollection<T> Track<T>(BlockingCollection<T> collection, string? resourceName)
    {
        if (ControlledRuntime.Current is { } runtime)
        {
            ObjectModels.Add(runtime, collection, new BlockingCollectionModel<T>(collection, runtime, resourceName ?? TypeNames.Short(collection.GetType())));
        }
        return collection;
    }

    private static BlockingCollectionModel<T>? ModelOf<T>(BlockingCollection<T> collection, string primitive) =>
        ObjectModels.Of<BlockingCollectionModel<T>>(collection, primitive);
}
