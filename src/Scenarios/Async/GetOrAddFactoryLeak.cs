using System.Collections.Concurrent;
using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Async;

/// <summary>A pool of connections, one per host, opened on first use and closed with the pool.</summary>
public interface IConnectionPool
{
    /// <summary>The pool's connection to <paramref name="host"/>, opened on first use; every caller gets the same one.</summary>
    Task<object> ConnectAsync(string host);

    /// <summary>Disposes every connection the pool kept.</summary>
    void Close();

    /// <summary>How many connections were opened.</summary>
    int Opened { get; }

    /// <summary>How many connections were disposed.</summary>
    int Disposed { get; }
}

/// <summary>Two requests connect to the same host at once, then the pool closes: every opened connection is disposed.</summary>
public sealed class GetOrAddFactoryLeak : AsyncScenario<IConnectionPool, GetOrAddFactoryLeak.Buggy, GetOrAddFactoryLeak.Fixed>
{
    /// <inheritdoc />
    public override string Id => "async/get-or-add-factory-leak";

    /// <inheritdoc />
    public override string Title => "ConcurrentDictionary.GetOrAdd runs the factory twice and leaks a connection";

    /// <inheritdoc />
    public override string BugExplanation =>
        "GetOrAdd is atomic for the dictionary, not for the factory: two callers that miss at once both open a\n" +
        "connection, only one is stored, and the other is returned to nobody and never disposed.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Treat a lost race as normal: open, offer the connection with GetOrAdd(host, opened), and dispose it\n" +
        "when GetOrAdd returns another caller's: every connection opened is then either kept or disposed.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "opened == disposed after Close, and both requests got the same connection";

    /// <summary>
    /// Every dictionary call, counter and captured-variable read is a step: unbounded DFS passes 200,000 schedules, so DFS and
    /// DPOR are bounded to schedules with at most 3 preemptions (about 2,500 schedules).
    /// </summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override async Task RunAsync(IConnectionPool pool)
    {
        Task<object> first = Task.Run(() => pool.ConnectAsync("db"));
        Task<object> second = Task.Run(() => pool.ConnectAsync("db"));
        object a = await first, b = await second;
        pool.Close();
        Specification.Assert(pool.Opened == pool.Disposed,
            $"opened {pool.Opened} connections to 'db' but disposed {pool.Disposed}: the factory ran twice and the loser leaked");
        Specification.Assert(ReferenceEquals(a, b), $"the requests got {a} and {b}, two connections to one host");
    }

    /// <summary>A connection that counts its opening and its disposal in its pool's counters.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly Counters _counters;
        private readonly int _number;

        public Connection(string host, Counters counters)
        {
            _counters = counters;
            _number = Interlocked.Increment(ref counters.Opened); // the handshake: a scheduling point inside the factory
            Host = host;
        }

        public string Host { get; }

        public void Dispose() => Interlocked.Increment(ref _counters.Disposed);

        public override string ToString() => $"connection #{_number} to '{Host}'";
    }

    /// <summary>What a pool opened and disposed.</summary>
    private sealed class Counters
    {
        public int Opened;
        public int Disposed;
    }

    /// <summary>GetOrAdd with a factory that opens the connection.</summary>
    public sealed class Buggy : IConnectionPool
    {
        private readonly ConcurrentDictionary<string, Connection> _connections = new();
        private readonly Counters _counters = new();

        /// <inheritdoc />
        public Task<object> ConnectAsync(string host) =>
            Task.FromResult<object>(_connections.GetOrAdd(host, h => new Connection(h, _counters))); // may run twice

        /// <inheritdoc />
        public void Close()
        {
            foreach (Connection connection in _connections.Values) connection.Dispose();
        }

        /// <inheritdoc />
        public int Opened => Volatile.Read(ref _counters.Opened);

        /// <inheritdoc />
        public int Disposed => Volatile.Read(ref _counters.Disposed);
    }

    /// <summary>
    /// Opens on a miss, offers the connection with GetOrAdd(key, value), and disposes it if another caller's won. (Storing
    /// Lazy&lt;Connection&gt; with ExecutionAndPublication is the other fix, opening only one; the engine controls Lazy&lt;T&gt;
    /// too, and tests/Rewriting/LazyTests.cs explores that form.)
    /// </summary>
    public sealed class Fixed : IConnectionPool
    {
        private readonly ConcurrentDictionary<string, Connection> _connections = new();
        private readonly Counters _counters = new();

        /// <inheritdoc />
        public Task<object> ConnectAsync(string host)
        {
            if (_connections.TryGetValue(host, out Connection? pooled)) return Task.FromResult<object>(pooled);
            var opened = new Connection(host, _counters);
            Connection kept = _connections.GetOrAdd(host, opened);
            if (!ReferenceEquals(kept, opened)) opened.Dispose(); // lost the race: the loser is disposed, not leaked
            return Task.FromResult<object>(kept);
        }

        /// <inheritdoc />
        public void Close()
        {
            foreach (Connection connection in _connections.Values) connection.Dispose();
        }

        /// <inheritdoc />
        public int Opened => Volatile.Read(ref _counters.Opened);

        /// <inheritdoc />
        public int Disposed => Volatile.Read(ref _counters.Disposed);
    }
}
