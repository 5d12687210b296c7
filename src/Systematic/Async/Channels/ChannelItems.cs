namespace Lab.Systematic.Async.Channels;

/// <summary>
/// ChannelReader.ReadAllAsync of a controlled channel: each MoveNextAsync takes the next item (a step, or a waiter
/// while the channel is empty) and ends once the channel is complete and drained. Written by hand, not as an async
/// iterator, because the engine's own code is not rewritten and its awaits would not be controlled.
/// </summary>
internal sealed class ChannelItems<T>(ChannelModel<T> model, string file, int line) : IAsyncEnumerable<T>, IAsyncEnumerator<T>
{
    private T _current = default!;

    public T Current => _current;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

    public ValueTask<bool> MoveNextAsync() => model.ReadAllAsync(item => _current = item, file, line);

    public ValueTask DisposeAsync() => default;
}
