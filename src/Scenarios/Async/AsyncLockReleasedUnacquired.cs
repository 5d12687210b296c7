using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Async;

/// <summary>A single database connection shared by async requests through an "async lock" with a time-out.</summary>
public interface IConnectionGate
{
    /// <summary>Runs one request on the connection, or gives up after 10 ms of waiting; true if it ran.</summary>
    Task<bool> TryRequestAsync(string name);
}

/// <summary>Two requests at once; the connection takes one at a time, and a request that waits too long gives up.</summary>
public sealed class AsyncLockReleasedUnacquired : AsyncScenario<IConnectionGate, AsyncLockReleasedUnacquired.Buggy, AsyncLockReleasedUnacquired.Fixed>
{
    /// <inheritdoc />
    public override string Id => "async/async-lock-released-unacquired";

    /// <inheritdoc />
    public override string Title => "SemaphoreSlim async lock released by a request that never acquired it";

    /// <inheritdoc />
    public override string BugExplanation =>
        "WaitAsync(10) returns false when the wait times out, but the finally releases the semaphore anyway. That\n" +
        "mints a permit nobody took: the holder's own Release then overfills SemaphoreSlim(1, 1) (a third request would get in).";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Release only what was acquired: check WaitAsync's result before the try, so a request that timed\n" +
        "out returns without touching the semaphore.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.UnhandledException;

    /// <inheritdoc />
    public override string Oracle => "no SemaphoreFullException, and at most one request uses the connection at any time";

    /// <summary>
    /// Two waits with time-outs give two timers that may fire at any step: unbounded DFS passes 128,000 schedules, so DFS and
    /// DPOR are bounded to schedules with at most 2 preemptions (about 1,500 schedules).
    /// </summary>
    public override int? FixedDfsPreemptionBound => 2;

    /// <inheritdoc />
    protected override async Task RunAsync(IConnectionGate gate)
    {
        Task a = gate.TryRequestAsync("A"), b = gate.TryRequestAsync("B");
        await Task.WhenAll(a, b);
    }

    /// <summary>The connection: asserts it is used by one request at a time; a query is one round trip (a yield).</summary>
    private sealed class Connection
    {
        private readonly object _gate = new();
        private string? _user;

        public async Task UseAsync(string name)
        {
            lock (_gate)
            {
                Specification.Assert(_user is null, $"requests {_user} and {name} use the connection at once");
                _user = name;
            }
            await Task.Yield(); // the query
            lock (_gate) _user = null;
        }
    }

    /// <summary>Releases in finally whether or not the wait succeeded.</summary>
    public sealed class Buggy : IConnectionGate
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private readonly Connection _connection = new();

        /// <inheritdoc />
        public async Task<bool> TryRequestAsync(string name)
        {
            try
            {
                if (!await _lock.WaitAsync(10)) return false; // timed out: did not acquire
                await _connection.UseAsync(name);
                return true;
            }
            finally
            {
                _lock.Release(); // also on the timed-out path
            }
        }
    }

    /// <summary>Releases only after a successful wait.</summary>
    public sealed class Fixed : IConnectionGate
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private readonly Connection _connection = new();

        /// <inheritdoc />
        public async Task<bool> TryRequestAsync(string name)
        {
            if (!await _lock.WaitAsync(10)) return false; // timed out: nothing to release
            try
            {
                await _connection.UseAsync(name);
                return true;
            }
            finally
            {
                _lock.Release();
            }
        }
    }
}
