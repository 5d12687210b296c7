// Hostile submission: counts through a System.Threading.Channels channel.
using System.Threading.Channels;
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Channel<int> _increments = Channel.CreateUnbounded<int>();

    public void Increment() => _increments.Writer.TryWrite(1);

    public int Value => _increments.Reader.Count;
}
