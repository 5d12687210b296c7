using System.Threading.Channels;
using Lab.Systematic.Async.Channels;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for the Channel factories. Inside an exploration they return a channel built on the engine's
/// <see cref="ChannelModel{T}"/> (the real one completes its awaiters on the thread pool); outside, the real channel.
/// </summary>
[InterceptsType("System.Threading.Channels.Channel")]
public static class ChannelStandIn
{
    /// <summary>An unbounded channel.</summary>
    public static Channel<T> CreateUnbounded<T>(string callerFile, int callerLine) =>
        ControlledRuntime.Current is { } runtime ? Create<T>(runtime, -1, BoundedChannelFullMode.Wait, callerFile, callerLine) : Channel.CreateUnbounded<T>();

    /// <summary>An unbounded channel; the options' single reader/writer hints change nothing under the engine.</summary>
    public static Channel<T> CreateUnbounded<T>(UnboundedChannelOptions options, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ControlledRuntime.Current is { } runtime ? Create<T>(runtime, -1, BoundedChannelFullMode.Wait, callerFile, callerLine) : Channel.CreateUnbounded<T>(options);
    }

    /// <summary>A bounded channel whose writers wait while it is full.</summary>
    public static Channel<T> CreateBounded<T>(int capacity, string callerFile, int callerLine)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return ControlledRuntime.Current is { } runtime ? Create<T>(runtime, capacity, BoundedChannelFullMode.Wait, callerFile, callerLine) : Channel.CreateBounded<T>(capacity);
    }

    /// <summary>A bounded channel of the options' capacity and full mode.</summary>
    public static Channel<T> CreateBounded<T>(BoundedChannelOptions options, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ControlledRuntime.Current is { } runtime ? Create<T>(runtime, options.Capacity, options.FullMode, callerFile, callerLine) : Channel.CreateBounded<T>(options);
    }

    private static Channel<T> Create<T>(ControlledRuntime runtime, int capacity, BoundedChannelFullMode fullMode, string file, int line)
    {
        runtime.Enter("Channel.Create");
        string name = file is "" ? $"Channel<{TypeNames.Short(typeof(T))}>" : $"Channel<{TypeNames.Short(typeof(T))}> ({SourceLocation.Format(file, line)})";
        return new ControlledChannel<T>(new ChannelModel<T>(runtime, name, capacity, fullMode));
    }
}
