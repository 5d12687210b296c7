using System.Threading.Channels;

namespace Lab.Systematic.Async.Channels;

/// <summary>What Channel.CreateUnbounded/CreateBounded return inside an exploration: a channel whose reader and writer are the engine's <see cref="ChannelModel{T}"/>.</summary>
internal sealed class ControlledChannel<T> : Channel<T>
{
    public ControlledChannel(ChannelModel<T> model)
    {
        Reader = new ControlledChannelReader<T>(model);
        Writer = new ControlledChannelWriter<T>(model);
    }
}
