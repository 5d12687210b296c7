using Lab.Systematic.Specifications;

namespace Lab.Coyote.Fixtures;

/// <summary>Two threads increment a plain instance field; the unguarded <c>_count++</c> can lose one increment.</summary>
public sealed class LostUpdateCounter(bool guarded)
{
    private readonly object _gate = new();
    private int _count;

    /// <summary>The harness: two increments on fresh objects, then the oracle "count is 2".</summary>
    public static void Run(bool guarded)
    {
        var counter = new LostUpdateCounter(guarded);
        var first = new Thread(counter.Increment);
        var second = new Thread(counter.Increment);
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Specification.Assert(counter._count == 2, $"count is {counter._count}, expected 2");
    }

    private void Increment()
    {
        if (!guarded)
        {
            _count++;
            return;
        }
        lock (_gate) _count++;
    }
}
