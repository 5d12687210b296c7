using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Races;

/// <summary>A cache that builds each value at most once.</summary>
public interface ICache
{
    /// <summary>
    /// Returns the value cached for <paramref name="key"/>, building it with <paramref name="factory"/> on a miss. The
    /// factory runs at most once per key, and every caller gets the same instance.
    /// </summary>
    object GetOrAdd(string key, Func<string, object> factory);
}

/// <summary>Two threads ask for the same key at once; the factory must run once and both must get one instance.</summary>
public sealed class CheckThenActCache : Scenario<ICache, CheckThenActCache.Buggy, CheckThenActCache.Fixed>
{
    /// <inheritdoc />
    public override string Id => "races/check-then-act-cache";

    /// <inheritdoc />
    public override string Title => "Check-then-act cache";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Races;

    /// <inheritdoc />
    public override string BugExplanation =>
        "GetOrAdd checks for the key, then builds and inserts the value: another thread can miss in between.\n" +
        "Both threads run the factory and insert; the callers hold two different instances for one key.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Make the check and the insert one atomic step: hold the cache's lock from the lookup to the insert.\n" +
        "The second caller then finds the first caller's value and never runs the factory.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "the factory ran exactly once for the key and both callers got the same instance";

    /// <summary>Every lock and dictionary access is a scheduling point: DFS is bounded to schedules with at most 3 preemptions (about 1,300 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override void Run(ICache cache)
    {
        int builds = 0;
        object Build(string key) => new Widget(key, Interlocked.Increment(ref builds));
        object? seenByFirst = null, seenBySecond = null;
        var first = new Thread(() => seenByFirst = cache.GetOrAdd("config", Build)) { Name = "T1" };
        var second = new Thread(() => seenBySecond = cache.GetOrAdd("config", Build)) { Name = "T2" };
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Specification.Assert(builds == 1, $"the factory for 'config' ran {builds} times, expected once: both threads missed the cache");
        Specification.Assert(ReferenceEquals(seenByFirst, seenBySecond), $"T1 got {seenByFirst} and T2 got {seenBySecond}: two instances for one key");
    }

    private sealed record Widget(string Key, int Build)
    {
        public override string ToString() => $"'{Key}' build #{Build}";
    }

    /// <summary>Looks up, then (on a miss) builds and inserts: another thread can come between the two.</summary>
    public sealed class Buggy : ICache
    {
        private readonly Dictionary<string, object> _entries = new();

        /// <inheritdoc />
        public object GetOrAdd(string key, Func<string, object> factory)
        {
            if (_entries.TryGetValue(key, out object? cached)) return cached;
            object created = factory(key);
            _entries[key] = created;
            return created;
        }
    }

    /// <summary>The lookup and the insert happen under one lock.</summary>
    public sealed class Fixed : ICache
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, object> _entries = new();

        /// <inheritdoc />
        public object GetOrAdd(string key, Func<string, object> factory)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out object? cached)) return cached;
                object created = factory(key);
                _entries[key] = created;
                return created;
            }
        }
    }
}
