using System.Threading.Channels;
using Lab.Systematic.Async.Channels;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for ChannelWriter&lt;T&gt; calls; see <see cref="ChannelReaderStandIn"/>.</summary>
[InterceptsType("System.Threading.Channels.ChannelWriter`1")]
public static class ChannelWriterStandIn
{
    /// <summary>Writes if there is room (a dropping full mode always has): a step.</summary>
    public static bool TryWrite<T>(ChannelWriter<T> writer, T item, string callerFile, int callerLine) =>
        Controlled(writer) is { } model ? model.TryWrite(item, callerFile, callerLine) : writer.TryWrite(item);

    /// <summary>Writes at once, or once there is room (a controlled wait).</summary>
    public static ValueTask WriteAsync<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Controlled(writer) is { } model ? model.WriteAsync(item, cancellationToken, callerFile, callerLine) : writer.WriteAsync(item, cancellationToken);

    /// <summary>True once there is room, false once the channel is complete.</summary>
    public static ValueTask<bool> WaitToWriteAsync<T>(ChannelWriter<T> writer, CancellationToken cancellationToken, string callerFile, int callerLine) =>
        Controlled(writer) is { } model ? model.WaitToWriteAsync(cancellationToken, callerFile, callerLine) : writer.WaitToWriteAsync(cancellationToken);

    /// <summary>Ends writing; false if it had already ended.</summary>
    public static bool TryComplete<T>(ChannelWriter<T> writer, Exception? error, string callerFile, int callerLine) =>
        Controlled(writer) is { } model ? model.TryComplete(error, callerFile, callerLine) : writer.TryComplete(error);

    /// <summary>Ends writing; ChannelClosedException if it had already ended.</summary>
    public static void Complete<T>(ChannelWriter<T> writer, Exception? error, string callerFile, int callerLine)
    {
        if (Controlled(writer) is not { } model)
        {
            writer.Complete(error);
            return;
        }
        if (!model.TryComplete(error, callerFile, callerLine)) throw new ChannelClosedException();
    }

    private static ChannelModel<T>? Controlled<T>(ChannelWriter<T> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer is ControlledChannelWriter<T> controlled) return controlled.Model;
        ControlledRuntime.CheckRealUse("Channel");
        return null;
    }
}
