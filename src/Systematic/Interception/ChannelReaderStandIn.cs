using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Lab.Systematic.Async.Channels;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for ChannelReader&lt;T&gt; calls, so a controlled channel's steps carry the caller's line. Inside an
/// exploration a reader that is not the engine's (a channel created outside it) is reported, as it would complete
/// its awaiters on the real thread pool.
/// </summary>
[InterceptsType("System.Threading.Channels.ChannelReader`1")]
public static class ChannelReaderStandIn
{
    /// <summary>Takes the oldest item if there is one: a step.</summary>
    public static bool TryRead<T>(ChannelReader<T> reader, [MaybeNullWhen(false)] out T item, string callerFile, int callerLine) =>
        Controlled(reader) is { } model ? model.TryRead(out item, callerFile, callerLine) : reader.TryRead(out item);

    /// <summary>The oldest item, at once or once one is written (a controlled wait).</summary>
    public static ValueTask<T> ReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Controlled(reader) is { } model ? model.ReadAsync(cancellationToken, callerFile, callerLine) : reader.ReadAsync(cancellationToken);

    /// <summary>True once an item is there, false once the channel is complete and drained.</summary>
    public static ValueTask<bool> WaitToReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Controlled(reader) is { } model ? model.WaitToReadAsync(cancellationToken, callerFile, callerLine) : reader.WaitToReadAsync(cancellationToken);

    /// <summary>Every item until the channel is complete and drained.</summary>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Controlled(reader) is { } model ? new ChannelItems<T>(model, callerFile, callerLine) : reader.ReadAllAsync(cancellationToken);

    /// <summary>The number of items: a step.</summary>
    public static int get_Count<T>(ChannelReader<T> reader, string callerFile, int callerLine) =>
        Controlled(reader) is { } model ? model.Count(callerFile, callerLine) : reader.Count;

    private static ChannelModel<T>? Controlled<T>(ChannelReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader is ControlledChannelReader<T> controlled) return controlled.Model;
        ControlledRuntime.CheckRealUse("Channel");
        return null;
    }
}
