using System.Threading.Channels;

namespace Lab.Systematic.Async.Channels;

/// <summary>The writer of a <see cref="ControlledChannel{T}"/>; see <see cref="ControlledChannelReader{T}"/>.</summary>
internal sealed class ControlledChannelWriter<T>(ChannelModel<T> model) : ChannelWriter<T>
{
    public ChannelModel<T> Model { get; } = model;

    public override bool TryWrite(T item) => Model.TryWrite(item, "", 0);

    public override ValueTask WriteAsync(T item, CancellationToken cancellationToken = default) => Model.WriteAsync(item, cancellationToken, "", 0);

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => Model.WaitToWriteAsync(cancellationToken, "", 0);

    public override bool TryComplete(Exception? error = null) => Model.TryComplete(error, "", 0);
}
