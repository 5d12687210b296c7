using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Signalling;

/// <summary>A pool that lets one thread at a time use a single connection, giving up after a short wait.</summary>
public interface IConnectionPool
{
    /// <summary>How long a caller waits for the connection before giving up, in milliseconds.</summary>
    public const int TimeoutMilliseconds = 1;

    /// <summary>Runs <paramref name="work"/> with the connection and returns true, or returns false if the wait timed out.</summary>
    bool TryUse(Action work);
}

/// <summary>Two threads each use the pool twice; the connection must never be used by two threads at once.</summary>
public sealed class SemaphoreMintedCoin : Scenario<IConnectionPool, SemaphoreMintedCoin.Buggy, SemaphoreMintedCoin.Fixed>
{
    /// <inheritdoc />
    public override string Id => "signalling/semaphore-minted-coin";

    /// <inheritdoc />
    public override string Title => "Semaphore \"minted coin\": release after a timed-out wait";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Signalling;

    /// <inheritdoc />
    public override string BugExplanation =>
        "TryUse releases the semaphore in a finally block even when its Wait timed out, returning a permit it\n" +
        "never took: that mints a second permit for a single connection, and two threads get in at once.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Release only what you acquired: return early when Wait times out, and put the try/finally that releases\n" +
        "after the successful Wait, so the permit count never exceeds the connections.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "inside work, the harness's atomic count of connection users is exactly 1";

    /// <summary>Timed waits double the choices: DFS is bounded to schedules with at most 3 preemptions (about 3,400 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override void Run(IConnectionPool pool)
    {
        int users = 0;
        void Work()
        {
            int inside = Interlocked.Increment(ref users);
            Specification.Assert(inside == 1, $"{inside} threads use the single connection at once, expected at most 1");
            Interlocked.Decrement(ref users);
        }
        void Client()
        {
            pool.TryUse(Work);
            pool.TryUse(Work);
        }
        var first = new Thread(Client) { Name = "client1" };
        var second = new Thread(Client) { Name = "client2" };
        first.Start();
        second.Start();
        first.Join();
        second.Join();
    }

    /// <summary>Releases in a finally that also covers the timed-out wait.</summary>
    public sealed class Buggy : IConnectionPool
    {
        private readonly SemaphoreSlim _connections = new(1);

        /// <inheritdoc />
        public bool TryUse(Action work)
        {
            try
            {
                if (!_connections.Wait(IConnectionPool.TimeoutMilliseconds)) return false;
                work();
                return true;
            }
            finally
            {
                _connections.Release();
            }
        }
    }

    /// <summary>Releases only after a successful wait.</summary>
    public sealed class Fixed : IConnectionPool
    {
        private readonly SemaphoreSlim _connections = new(1);

        /// <inheritdoc />
        public bool TryUse(Action work)
        {
            if (!_connections.Wait(IConnectionPool.TimeoutMilliseconds)) return false;
            try
            {
                work();
                return true;
            }
            finally
            {
                _connections.Release();
            }
        }
    }
}
