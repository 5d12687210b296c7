using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Lab.Systematic.Async.Channels;

/// <summary>
/// The reader of a <see cref="ControlledChannel{T}"/>. Rewritten code reaches it through the ChannelReader stand-ins,
/// which pass the caller's line; a call the rewriter did not see (from a library) comes here without one.
/// </summary>
internal sealed class ControlledChannelReader<T>(ChannelModel<T> model) : ChannelReader<T>
{
    public ChannelModel<T> Model { get; } = model;

    public override Task Completion => Model.Completion;

    public override bool CanCount => true;

    public override int Count => Model.Count("", 0);

    public override bool TryRead([MaybeNullWhen(false)] out T item) => Model.TryRead(out item, "", 0);

    public override ValueTask<T> ReadAsync(CancellationToken cancellationToken = default) => Model.ReadAsync(cancellationToken, "", 0);

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => Model.WaitToReadAsync(cancellationToken, "", 0);

    public override IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => new ChannelItems<T>(Model, "", 0);
}
