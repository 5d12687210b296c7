using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="Lazy{T}"/>, the textbook way to make a factory run once. Inside an exploration a lazy's
/// Value follows its thread-safety mode with controlled steps: ExecutionAndPublication takes a controlled lock around
/// the check and the factory (so a second caller waits, and a factory that comes back to the same lazy deadlocks as
/// the real one throws), PublicationOnly lets every racing caller run the factory and keeps the first value published,
/// None checks and stores without any synchronisation. A failed factory's exception is cached, as in .NET, except
/// under PublicationOnly. Outside an exploration every member is the real one.
/// </summary>
[InterceptsType("System.Lazy`1")]
public static class LazyStandIn
{
    /// <summary>A lazy that builds the value with T's parameterless constructor, thread-safe.</summary>
    public static Lazy<T> New<T>(string callerFile, int callerLine, string? resourceName) =>
        Track(new Lazy<T>(), Activator.CreateInstance<T>, LazyThreadSafetyMode.ExecutionAndPublication, resourceName);

    /// <summary>Like <see cref="New{T}(string, int, string?)"/>, thread-safe or not.</summary>
    public static Lazy<T> New<T>(bool isThreadSafe, string callerFile, int callerLine, string? resourceName) =>
        Track(new Lazy<T>(isThreadSafe), Activator.CreateInstance<T>, ModeOf(isThreadSafe), resourceName);

    /// <summary>Like <see cref="New{T}(string, int, string?)"/>, in <paramref name="mode"/>.</summary>
    public static Lazy<T> New<T>(LazyThreadSafetyMode mode, string callerFile, int callerLine, string? resourceName) =>
        Track(new Lazy<T>(mode), Activator.CreateInstance<T>, mode, resourceName);

    /// <summary>A lazy whose value <paramref name="valueFactory"/> builds on first use, thread-safe.</summary>
    public static Lazy<T> New<T>(Func<T> valueFactory, string callerFile, int callerLine, string? resourceName) =>
        Track(new Lazy<T>(valueFactory), valueFactory, LazyThreadSafetyMode.ExecutionAndPublication, resourceName);

    /// <summary>Like <see cref="New{T}(Func{T}, string, int, string?)"/>, thread-safe or not.</summary>
    public static Lazy<T> New<T>(Func<T> valueFactory, bool isThreadSafe, string callerFile, int callerLine, string? resourceName) =>
        Track(new Lazy<T>(valueFactory, isThreadSafe), valueFactory, ModeOf(isThreadSafe), resourceName);

    /// <summary>Like <see cref="New{T}(Func{T}, string, int, string?)"/>, in <paramref name="mode"/>.</summary>
    public static Lazy<T> New<T>(Func<T> valueFactory, LazyThreadSafetyMode mode, string callerFile, int callerLine, string? resourceName) =>
        Track(new Lazy<T>(valueFactory, mode), valueFactory, mode, resourceName);

    /// <summary>A lazy already holding <paramref name="value"/>.</summary>
    public static Lazy<T> New<T>(T value, string callerFile, int callerLine, string? resourceName) => new(value);

    /// <summary>The value, built on first use according to the lazy's mode (see the class summary).</summary>
    public static T get_Value<T>(Lazy<T> lazy, string callerFile, int callerLine, string? resourceName)
    {
        ArgumentNullException.ThrowIfNull(lazy);
        if (ControlledRuntime.CurrentOperation is null || lazy.IsValueCreated) return lazy.Value;
        LazyModel<T> model = ObjectModels.Of<LazyModel<T>>(lazy, "Lazy<T>")!;
        return model.Value(callerFile, callerLine);
    }

    /// <summary>Whether the value was built: a step that reads it.</summary>
    public static bool get_IsValueCreated<T>(Lazy<T> lazy, string callerFile, int callerLine, string? resourceName)
    {
        ArgumentNullException.ThrowIfNull(lazy);
        if (ControlledRuntime.Current is not { } runtime || ObjectModels.Find<LazyModel<T>>(runtime, lazy) is not { } model) return lazy.IsValueCreated;
        return model.IsCreated(callerFile, callerLine);
    }

    private static LazyThreadSafetyMode ModeOf(bool isThreadSafe) =>
        isThreadSafe ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.None;

    private static Lazy<T> Track<T>(Lazy<T> lazy, Func<T> valueFactory, LazyThreadSafetyMode mode, string? resourceName)
    {
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, lazy, new LazyModel<T>(valueFactory, mode, resourceName ?? "Lazy"));
        return lazy;
    }
}
