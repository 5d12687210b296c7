using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Races;

/// <summary>A counter shared by threads.</summary>
public interface ICounter
{
    /// <summary>Adds one.</summary>
    void Increment();

    /// <summary>The current count.</summary>
    int Value { get; }
}

/// <summary>Two threads each do <c>count++</c> once; afterwards the count must be 2.</summary>
public sealed class LostUpdate : Scenario<ICounter, LostUpdate.Buggy, LostUpdate.Fixed>
{
    /// <inheritdoc />
    public override string Id => "races/lost-update";

    /// <inheritdoc />
    public override string Title => "Lost update on a shared counter";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Races;

    /// <inheritdoc />
    public override string BugExplanation =>
        "count++ is a read followed by a write; two threads can both read 0 and both write 1.\n" +
        "One increment overwrites the other and is lost.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Make the read-modify-write one atomic step: hold a lock across it (or use Interlocked.Increment).\n" +
        "Then the second increment always reads the first one's result.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "after both threads joined, the count equals the number of increments (2)";

    /// <inheritdoc />
    protected override void Run(ICounter counter)
    {
        var first = new Thread(counter.Increment) { Name = "T1" };
        var second = new Thread(counter.Increment) { Name = "T2" };
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        int count = counter.Value;
        Specification.Assert(count == 2, $"count is {count}, expected 2: an increment was lost");
    }

    /// <summary>Reads, adds one, writes back: two visible steps another thread can come between.</summary>
    public sealed class Buggy : ICounter
    {
        private int _count;

        /// <inheritdoc />
        public void Increment() => _count++;

        /// <inheritdoc />
        public int Value => _count;
    }

    /// <summary>The read and the write happen under one lock.</summary>
    public sealed class Fixed : ICounter
    {
        private readonly object _gate = new();
        private int _count;

        /// <inheritdoc />
        public void Increment()
        {
            lock (_gate) _count++;
        }

        /// <inheritdoc />
        public int Value
        {
            get
            {
                lock (_gate) return _count;
            }
        }
    }
}
