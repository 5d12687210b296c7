using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Async;

/// <summary>A user profile kept in a slow store.</summary>
public interface IProfile
{
    /// <summary>Renames the user; when the returned task completes the store holds the new name.</summary>
    Task RenameAsync(string name);

    /// <summary>The name in the store.</summary>
    Task<string> NameAsync();
}

/// <summary>Rename, then read the name back at once: the read must see the new name.</summary>
public sealed class MissingAwait : AsyncScenario<IProfile, MissingAwait.Buggy, MissingAwait.Fixed>
{
    /// <inheritdoc />
    public override string Id => "async/missing-await";

    /// <inheritdoc />
    public override string Title => "Missing await: the check runs before the write";

    /// <inheritdoc />
    public override string BugExplanation =>
        "RenameAsync starts the store's write and does not await it, so its task completes before the write does.\n" +
        "The caller's check that follows can read the store first and see the old name.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Await the write inside RenameAsync: its task then completes only after the store holds the new name,\n" +
        "and every read the caller starts afterwards sees it.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "after await RenameAsync(\"bob\"), NameAsync() returns \"bob\"";

    /// <summary>
    /// Each await suspends and resumes as steps of their own, and the delay's timer fires whenever the strategy picks: unbounded
    /// DFS takes 9,200 schedules, so DFS and DPOR are bounded to at most 3 preemptions (about 600 schedules).
    /// </summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override async Task RunAsync(IProfile profile)
    {
        await profile.RenameAsync("bob");
        string name = await profile.NameAsync();
        Specification.Assert(name == "bob", $"read the name '{name}' after RenameAsync(\"bob\") completed: the write had not happened yet");
    }

    /// <summary>Starts the write and returns without awaiting it.</summary>
    public sealed class Buggy : IProfile
    {
        private readonly Store _store = new();

        /// <inheritdoc />
        public async Task RenameAsync(string name)
        {
            _ = _store.WriteAsync(name); // the missing await: the write runs on by itself
            await Task.Yield();
        }

        /// <inheritdoc />
        public Task<string> NameAsync() => _store.ReadAsync();
    }

    /// <summary>Awaits the write.</summary>
    public sealed class Fixed : IProfile
    {
        private readonly Store _store = new();

        /// <inheritdoc />
        public async Task RenameAsync(string name)
        {
            await _store.WriteAsync(name);
            await Task.Yield();
        }

        /// <inheritdoc />
        public Task<string> NameAsync() => _store.ReadAsync();
    }

    /// <summary>A store whose reads and writes each take a round trip (a yield), guarded by a lock.</summary>
    private sealed class Store
    {
        private readonly object _gate = new();
        private string _name = "alice";

        public async Task WriteAsync(string name)
        {
            await Task.Delay(5); // the round trip
            lock (_gate) _name = name;
        }

        public async Task<string> ReadAsync()
        {
            await Task.Yield();
            lock (_gate) return _name;
        }
    }
}
