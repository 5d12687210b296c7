using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Async;

/// <summary>A price feed: one price is published, an awaiting subscriber counts it, and a reporter reads both.</summary>
public interface IPriceFeed
{
    /// <summary>Completes when the price is published; the subscriber's continuation counts the delivery.</summary>
    Task<int> NextPriceAsync();

    /// <summary>Publishes the price (under the feed's lock) and completes the waiting subscriber.</summary>
    void Publish(int price);

    /// <summary>The deliveries counted and the price published, read under both locks (statistics, then feed).</summary>
    string Report();
}

/// <summary>A subscriber awaits the price while a publisher publishes it and a reporter reads; all must finish.</summary>
public sealed class TcsInlineContinuationDeadlock : AsyncScenario<IPriceFeed, TcsInlineContinuationDeadlock.Buggy, TcsInlineContinuationDeadlock.Fixed>
{
    /// <inheritdoc />
    public override string Id => "async/tcs-inline-continuation-deadlock";

    /// <inheritdoc />
    public override string Title => "TaskCompletionSource completed under a lock runs the awaiter's continuation inline";

    /// <inheritdoc />
    public override string BugExplanation =>
        "Publish calls SetResult while holding the feed lock; the subscriber's await continuation runs inline, on the\n" +
        "publisher, and takes the statistics lock: feed then statistics, while Report takes statistics then feed. Deadlock.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Create the TaskCompletionSource with RunContinuationsAsynchronously: SetResult only schedules the continuation,\n" +
        "which runs after Publish has released the feed lock, so no thread ever holds feed while waiting for statistics.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "the subscriber gets 42, and publisher and reporter both finish";

    /// <summary>
    /// Three tasks, two locks and the awaits' suspends and resumes: DFS passes 200,000 schedules unbounded, so DFS and DPOR
    /// are bounded to schedules with at most 2 preemptions (about 5,600 schedules).
    /// </summary>
    public override int? FixedDfsPreemptionBound => 2;

    /// <inheritdoc />
    protected override async Task RunAsync(IPriceFeed feed)
    {
        void Publisher() => feed.Publish(42);
        Task<int> subscriber = feed.NextPriceAsync();
        Task publisher = Task.Run(Publisher);
        Task<string> reporter = Task.Run(feed.Report);
        await publisher;
        await reporter;
        int price = await subscriber;
        Specification.Assert(price == 42, $"the subscriber got {price}, expected 42");
    }

    /// <summary>The two locks and the counting both variants share; only the TaskCompletionSource differs.</summary>
    private sealed class Feed(TaskCompletionSource<int> next)
    {
        private readonly object _feed = new();
        private readonly object _statistics = new();
        private int _price;
        private int _deliveries;

        public async Task<int> NextPriceAsync()
        {
            int price = await next.Task; // the continuation: inline in SetResult unless RunContinuationsAsynchronously
            lock (_statistics) _deliveries++;
            return price;
        }

        public void Publish(int price)
        {
            lock (_feed)
            {
                _price = price;
                next.SetResult(price); // runs an inline continuation while the feed lock is held
            }
        }

        public string Report()
        {
            lock (_statistics)
            {
                lock (_feed) return $"{_deliveries} deliveries of {_price}";
            }
        }
    }

    /// <summary>A TaskCompletionSource with default options: awaiters' continuations run inside SetResult.</summary>
    public sealed class Buggy : IPriceFeed
    {
        private readonly Feed _feed = new(new TaskCompletionSource<int>());

        /// <inheritdoc />
        public Task<int> NextPriceAsync() => _feed.NextPriceAsync();

        /// <inheritdoc />
        public void Publish(int price) => _feed.Publish(price);

        /// <inheritdoc />
        public string Report() => _feed.Report();
    }

    /// <summary>A TaskCompletionSource with RunContinuationsAsynchronously: SetResult never runs an awaiter's code.</summary>
    public sealed class Fixed : IPriceFeed
    {
        private readonly Feed _feed = new(new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));

        /// <inheritdoc />
        public Task<int> NextPriceAsync() => _feed.NextPriceAsync();

        /// <inheritdoc />
        public void Publish(int price) => _feed.Publish(price);

        /// <inheritdoc />
        public string Report() => _feed.Report();
    }
}
