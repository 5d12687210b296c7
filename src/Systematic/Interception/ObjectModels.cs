using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// The iteration's table from real objects (a locked object, a Thread, a SemaphoreSlim) to the controlled models that
/// stand for them, keyed by identity. It lives in the iteration's buffers, so a model (and whatever state it holds,
/// such as a lock left held) never outlives its iteration.
/// </summary>
internal static class ObjectModels
{
    /// <summary>
    /// The model of <paramref name="real"/> when called inside an exploration, null outside one. An object that has no
    /// model of this kind was created outside the exploration (or in an earlier iteration): that is reported as
    /// uncontrolled concurrency, the way the lab's own primitives report it.
    /// </summary>
    public static TModel? Of<TModel>(object real, string primitive) where TModel : class
    {
        ArgumentNullException.ThrowIfNull(real);
        if (ControlledRuntime.CurrentOperation is not { } operation) return null;
        if (operation.Runtime.ObjectModels.TryGetValue(real, out object? model) && model is TModel typed) return typed;
        ControlledRuntime.CheckRealUse(primitive);
        throw new InvalidOperationException("unreachable: CheckRealUse throws inside an exploration");
    }

    /// <summary>The model of <paramref name="real"/> in this iteration, or null if it has none.</summary>
    public static TModel? Find<TModel>(ControlledRuntime runtime, object real) where TModel : class =>
        runtime.ObjectModels.TryGetValue(real, out object? model) ? model as TModel : null;

    /// <summary>Maps a real object created inside the exploration to its model.</summary>
    public static void Add(ControlledRuntime runtime, object real, object model) => runtime.ObjectModels[real] = model;
}
