using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="ConcurrentDictionary{TKey,TValue}"/>: inside an exploration each call is one atomic step, a scheduling point and a synchronising access.
/// </summary>
[InterceptsType("System.Collections.Concurrent.ConcurrentDictionary`2")]
public static class ConcurrentDictionaryStandIn
{
    /// <summary>Adds the pair if the key is absent.</summary>
    public static bool TryAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, TValue value, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryAdd(key, value);
        bool result = collection.TryAdd(key, value);
        model.End(operation!, "TryAdd", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>Reads the value of a key, if present.</summary>
    public static bool TryGetValue<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, [MaybeNullWhen(false)] out TValue value, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryGetValue(key, out value);
        bool result = collection.TryGetValue(key, out value);
        model.End(operation!, "TryGetValue", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>Removes a key and returns its value, if present.</summary>
    public static bool TryRemove<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, [MaybeNullWhen(false)] out TValue value, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryRemove(key, out value);
        bool result = collection.TryRemove(key, out value);
        model.End(operation!, "TryRemove", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>Replaces the value if it equals the comparison value.</summary>
    public static bool TryUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, TValue newValue, TValue comparisonValue, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.TryUpdate(key, newValue, comparisonValue);
        bool result = collection.TryUpdate(key, newValue, comparisonValue);
        model.End(operation!, "TryUpdate", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>Returns the existing value or adds this one.</summary>
    public static TValue GetOrAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, TValue value, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.GetOrAdd(key, value);
        TValue result = collection.GetOrAdd(key, value);
        model.End(operation!, "GetOrAdd", callerFile, callerLine);
        return result;
    }

    /// <summary>
    /// Returns the existing value or adds a made one. As in .NET the factory runs outside the dictionary's lock: a
    /// lookup step, the factory (its own steps), then an add step that keeps whichever value was added first, so two
    /// callers can both run the factory.
    /// </summary>
    public static TValue GetOrAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, Func<TKey, TValue> valueFactory, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.GetOrAdd(key, valueFactory);
        ArgumentNullException.ThrowIfNull(valueFactory);
        bool found = collection.TryGetValue(key, out TValue? existing);
        model.End(operation!, found ? "GetOrAdd found" : "GetOrAdd missing", callerFile, callerLine);
        if (found) return existing!;
        TValue made = valueFactory(key);
        ConcurrentCollectionModel.Begin(collection, resourceName, out operation);
        bool added = collection.TryAdd(key, made);
        TValue result = added ? made : collection[key];
        model.End(operation!, added ? "GetOrAdd added" : "GetOrAdd lost the race", callerFile, callerLine);
        return result;
    }

    /// <summary>Adds the value or updates the existing one; the update factory runs outside the lock and is retried if another caller changed the value meanwhile, as in .NET.</summary>
    public static TValue AddOrUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.AddOrUpdate(key, addValue, updateValueFactory);
        return AddOrUpdate(collection, model, operation!, key, _ => addValue, updateValueFactory, callerFile, callerLine, resourceName);
    }

    /// <summary>Adds a made value or updates the existing one; both factories run outside the lock, retried on a lost race, as in .NET.</summary>
    public static TValue AddOrUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, Func<TKey, TValue> addValueFactory, Func<TKey, TValue, TValue> updateValueFactory, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.AddOrUpdate(key, addValueFactory, updateValueFactory);
        return AddOrUpdate(collection, model, operation!, key, addValueFactory, updateValueFactory, callerFile, callerLine, resourceName);
    }

    /// <summary>The optimistic loop of AddOrUpdate, entered after the first scheduling point: read, make outside the lock, then try to store.</summary>
    private static TValue AddOrUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, ConcurrentCollectionModel model, ControlledOperation operation,
        TKey key, Func<TKey, TValue> addValueFactory, Func<TKey, TValue, TValue> updateValueFactory, string file, int line, string? resourceName)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(addValueFactory);
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        while (true)
        {
            bool found = collection.TryGetValue(key, out TValue? old);
            model.End(operation, found ? "AddOrUpdate found" : "AddOrUpdate missing", file, line);
            TValue made = found ? updateValueFactory(key, old!) : addValueFactory(key);
            ConcurrentCollectionModel.Begin(collection, resourceName, out ControlledOperation? storing);
            operation = storing!;
            bool stored = found ? collection.TryUpdate(key, made, old!) : collection.TryAdd(key, made);
            if (stored)
            {
                model.End(operation, found ? "AddOrUpdate updated" : "AddOrUpdate added", file, line);
                return made;
            }
            // Another caller changed the key between the read and the store: read again, as the real loop does.
        }
    }

    /// <summary>Reads the value of a key; KeyNotFoundException if absent.</summary>
    public static TValue get_Item<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection[key];
        TValue result = collection[key];
        model.End(operation!, "get", callerFile, callerLine);
        return result;
    }

    /// <summary>Sets the value of a key.</summary>
    public static void set_Item<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, TValue value, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model)
        {
            collection[key] = value;
            return;
        }
        collection[key] = value;
        model.End(operation!, "set", callerFile, callerLine);
    }

    /// <summary>Whether the key is present.</summary>
    public static bool ContainsKey<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, TKey key, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.ContainsKey(key);
        bool result = collection.ContainsKey(key);
        model.End(operation!, "ContainsKey", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>The number of pairs.</summary>
    public static int get_Count<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.Count;
        int result = collection.Count;
        model.End(operation!, "Count", callerFile, callerLine, result);
        return result;
    }

    /// <summary>Whether there are no pairs.</summary>
    public static bool get_IsEmpty<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.IsEmpty;
        bool result = collection.IsEmpty;
        model.End(operation!, "IsEmpty", callerFile, callerLine, result ? 1 : 0);
        return result;
    }

    /// <summary>Removes every pair.</summary>
    public static void Clear<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model)
        {
            collection.Clear();
            return;
        }
        collection.Clear();
        model.End(operation!, "Clear", callerFile, callerLine);
    }

    /// <summary>A snapshot of the pairs.</summary>
    public static KeyValuePair<TKey, TValue>[] ToArray<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.ToArray();
        KeyValuePair<TKey, TValue>[] result = collection.ToArray();
        model.End(operation!, "ToArray", callerFile, callerLine);
        return result;
    }

    /// <summary>A snapshot of the keys.</summary>
    public static ICollection<TKey> get_Keys<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.Keys;
        ICollection<TKey> result = collection.Keys;
        model.End(operation!, "Keys", callerFile, callerLine);
        return result;
    }

    /// <summary>A snapshot of the values.</summary>
    public static ICollection<TValue> get_Values<TKey, TValue>(ConcurrentDictionary<TKey, TValue> collection, string callerFile, int callerLine, string? resourceName)
        where TKey : notnull
    {
        if (ConcurrentCollectionModel.Begin(collection, resourceName, out var operation) is not { } model) return collection.Values;
        ICollection<TValue> result = collection.Values;
        model.End(operation!, "Values", callerFile, callerLine);
        return result;
    }
}
