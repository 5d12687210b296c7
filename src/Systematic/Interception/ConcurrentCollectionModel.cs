using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// A thread-safe collection as the exploration sees it: each call is one atomic step with a scheduling point before
/// it, and synchronises through the collection's clock (everything done before a call is visible after any later call
/// on the same collection), so handing data over through it is never a false race. Made on first use in the
/// iteration, so a collection created outside the exploration is fine to use inside it.
/// </summary>
internal sealed class ConcurrentCollectionModel(string name)
{
    public string Name { get; } = name;

    public VectorClock Clock { get; } = new();

    /// <summary>The calling operation after its scheduling point (null outside an exploration), having acquired the collection's clock.</summary>
    public static ConcurrentCollectionModel? Begin(object collection, string? resourceName, out ControlledOperation? operation)
    {
        ArgumentNullException.ThrowIfNull(collection);
        operation = ControlledRuntime.CurrentOperation;
        if (operation is null) return null;
        ControlledRuntime runtime = operation.Runtime;
        ControlledRuntime.ThrowIfCanceled(runtime);
        runtime.SchedulingPoint(operation);
        ConcurrentCollectionModel model = Of(runtime, collection, resourceName);
        runtime.Races?.Acquire(operation, model.Clock);
        return model;
    }

    /// <summary>Releases the collection's clock and records the step (after the real call, so it can show a result).</summary>
    public void End(ControlledOperation operation, string action, string file, int line, long? value = null)
    {
        operation.Runtime.Races?.Release(operation, Clock);
        operation.Runtime.Record(operation, action, Name, file, line, value);
    }

    public static ConcurrentCollectionModel Of(ControlledRuntime runtime, object collection, string? resourceName)
    {
        if (runtime.ObjectModels.TryGetValue(collection, out object? model) && model is ConcurrentCollectionModel existing) return existing;
        var created = new ConcurrentCollectionModel(resourceName ?? TypeNames.Short(collection.GetType()));
        runtime.ObjectModels[collection] = created;
        return created;
    }
}
