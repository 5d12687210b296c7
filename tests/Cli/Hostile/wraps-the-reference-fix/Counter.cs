// Hostile submission: hands in the lab's own reference fix, wrapped.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly ICounter _inner = new LostUpdate.Fixed();

    public void Increment() => _inner.Increment();

    public int Value => _inner.Value;
}
