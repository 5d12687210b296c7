using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Deadlocks;

/// <summary>Processes orders one at a time; rejects invalid orders with an <see cref="ArgumentException"/>.</summary>
public interface IOrderProcessor
{
    /// <summary>Processes an order; throws <see cref="ArgumentException"/> for a negative order number.</summary>
    void Process(int order);

    /// <summary>How many orders were processed.</summary>
    int ProcessedCount { get; }
}

/// <summary>One thread submits an invalid order (and handles the rejection), another a valid one; both must finish.</summary>
public sealed class LeakedLock : Scenario<IOrderProcessor, LeakedLock.Buggy, LeakedLock.Fixed>
{
    /// <inheritdoc />
    public override string Id => "deadlocks/leaked-lock";

    /// <inheritdoc />
    public override string Title => "Leaked lock on an exception path";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Deadlocks;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Process calls Enter, validates, and calls Exit at the end; the validation throws in between.\n" +
        "The exception skips Exit, the lock stays held by a thread that has moved on, and every later caller blocks forever.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Release in a finally block (the 'lock' statement does it for you), so every path out of the\n" +
        "critical section, the exceptional ones included, gives the lock back.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "both clients finish, the invalid order is rejected, and exactly one order is processed";

    /// <inheritdoc />
    protected override void Run(IOrderProcessor processor)
    {
        bool rejected = false;
        var invalid = new Thread(() =>
        {
            try
            {
                processor.Process(-1);
            }
            catch (ArgumentException)
            {
                rejected = true; // the client handles the rejection and carries on
            }
        }) { Name = "bad-client" };
        var valid = new Thread(() => processor.Process(7)) { Name = "good-client" };
        invalid.Start();
        valid.Start();
        invalid.Join();
        valid.Join();
        Specification.Assert(rejected, "the invalid order -1 was not rejected");
        int processed = processor.ProcessedCount;
        Specification.Assert(processed == 1, $"{processed} orders were processed, expected 1");
    }

    /// <summary>Exits only on the normal path.</summary>
    public sealed class Buggy : IOrderProcessor
    {
        private readonly object _gate = new();
        private int _processed;

        /// <inheritdoc />
        public void Process(int order)
        {
            Monitor.Enter(_gate);
            if (order < 0) throw new ArgumentException($"order {order} is invalid", nameof(order));
            _processed++;
            Monitor.Exit(_gate);
        }

        /// <inheritdoc />
        public int ProcessedCount
        {
            get
            {
                lock (_gate) return _processed;
            }
        }
    }

    /// <summary>Exits on every path.</summary>
    public sealed class Fixed : IOrderProcessor
    {
        private readonly object _gate = new();
        private int _processed;

        /// <inheritdoc />
        public void Process(int order)
        {
            lock (_gate)
            {
                if (order < 0) throw new ArgumentException($"order {order} is invalid", nameof(order));
                _processed++;
            }
        }

        /// <inheritdoc />
        public int ProcessedCount
        {
            get
            {
                lock (_gate) return _processed;
            }
        }
    }
}
