using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Scenarios.Starvation;

/// <summary>A readers-writer lock: many readers at once, or one writer alone.</summary>
public interface IReadWriteLock
{
    /// <summary>Enters as a reader.</summary>
    void EnterRead();

    /// <summary>Leaves as a reader.</summary>
    void ExitRead();

    /// <summary>Enters as the only writer.</summary>
    void EnterWrite();

    /// <summary>Leaves as the writer.</summary>
    void ExitWrite();
}

/// <summary>Two readers read three times each while one writer writes once; readers must not overtake the waiting writer without bound.</summary>
public sealed class ReadersWriters : Scenario<IReadWriteLock, ReadersWriters.Buggy, ReadersWriters.Fixed>
{
    /// <summary>
    /// How many reader entries may overtake the waiting writer. The turnstile allows about two (readers already past
    /// it); 4 leaves room for the fair strategy's random prefix, which may leave the writer unscheduled for a while.
    /// </summary>
    public const int BypassBound = 4;

    /// <summary>How many times each reader reads.</summary>
    public const int ReadsPerReader = 3;

    /// <inheritdoc />
    public override string Id => "starvation/readers-writers";

    /// <inheritdoc />
    public override string Title => "Readers-writers with reader preference";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Starvation;

    /// <inheritdoc />
    public override string BugExplanation =>
        "The first reader in locks the writer out and the last reader out lets it in; new readers join freely.\n" +
        "While readers keep overlapping, the room never empties and the writer waits behind any number of them.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Add a turnstile: readers pass through it on the way in, and a waiting writer holds it, so no new reader\n" +
        "enters once a writer waits; the readers inside finish and the writer goes next.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Starvation;

    /// <inheritdoc />
    public override string Oracle =>
        $"bounded bypass: on a fair schedule, the waiting writer is overtaken by at most {BypassBound} reader entries";

    /// <summary>400 iterations: only the fair quarter of the portfolio judges bypass.</summary>
    public override ExplorationOptions Budget => StandardBudget.WithIterations(400);

    /// <summary>Three threads with several rounds each: DFS is bounded to schedules with at most 1 preemption (about 2,100 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 1;

    /// <inheritdoc />
    protected override void Run(IReadWriteLock rwlock)
    {
        var document = new Document(rwlock, new BoundedBypassMonitor("the document", BypassBound));
        var writer = new Thread(document.Write) { Name = "writer" };
        var first = new Thread(document.Read) { Name = "reader1" };
        var second = new Thread(document.Read) { Name = "reader2" };
        first.Start();
        second.Start();
        writer.Start();
        first.Join();
        second.Join();
        writer.Join();
        Specification.Assert(document.Version == 1, "the writer's update is missing");
    }

    /// <summary>The shared document, read and written under the lock under test, with the bypass monitor watching the writer.</summary>
    private sealed class Document(IReadWriteLock rwlock, BoundedBypassMonitor bypass)
    {
        private readonly IReadWriteLock _rwlock = rwlock;
        private readonly BoundedBypassMonitor _bypass = bypass;

        /// <summary>The document's version: 0 until the writer writes it.</summary>
        public int Version;

        /// <summary>The document's two lines, which the writer rewrites and every reader reads.</summary>
        public string FirstLine = "draft", SecondLine = "draft";

        /// <summary>A reader reads <see cref="ReadsPerReader"/> times, each time entering as a reader.</summary>
        public void Read()
        {
            for (int i = 0; i < ReadsPerReader; i++)
            {
                _rwlock.EnterRead();
                _bypass.Entered(); // a reader entering while the writer waits overtakes it
                _ = (Version, FirstLine, SecondLine);
                _rwlock.ExitRead();
            }
        }

        /// <summary>The writer announces that it waits, enters as the writer, and updates the document once.</summary>
        public void Write()
        {
            _bypass.Waiting();
            _rwlock.EnterWrite();
            _bypass.Entered();
            FirstLine = "final";
            SecondLine = "final";
            Version = 1;
            _rwlock.ExitWrite();
        }
    }

    /// <summary>Reader preference (the "lightswitch"): readers never wait for a waiting writer.</summary>
    public sealed class Buggy : IReadWriteLock
    {
        private readonly object _readersMutex = new();
        private readonly SemaphoreSlim _roomEmpty = new(1, 1);
        private int _readers;

        /// <inheritdoc />
        public void EnterRead()
        {
            lock (_readersMutex)
            {
                if (++_readers == 1) _roomEmpty.Wait(); // the first reader in locks writers out
            }
        }

        /// <inheritdoc />
        public void ExitRead()
        {
            lock (_readersMutex)
            {
                if (--_readers == 0) _roomEmpty.Release(); // the last reader out lets writers in
            }
        }

        /// <inheritdoc />
        public void EnterWrite() => _roomEmpty.Wait();

        /// <inheritdoc />
        public void ExitWrite() => _roomEmpty.Release();
    }

    /// <summary>The same lightswitch behind a turnstile that a waiting writer holds.</summary>
    public sealed class Fixed : IReadWriteLock
    {
        private readonly object _readersMutex = new();
        private readonly SemaphoreSlim _roomEmpty = new(1, 1);
        private readonly SemaphoreSlim _turnstile = new(1, 1);
        private int _readers;

        /// <inheritdoc />
        public void EnterRead()
        {
            _turnstile.Wait(); // blocks while a writer waits
            _turnstile.Release();
            lock (_readersMutex)
            {
                if (++_readers == 1) _roomEmpty.Wait();
            }
        }

        /// <inheritdoc />
        public void ExitRead()
        {
            lock (_readersMutex)
            {
                if (--_readers == 0) _roomEmpty.Release();
            }
        }

        /// <inheritdoc />
        public void EnterWrite()
        {
            _turnstile.Wait(); // hold the turnstile: no new reader gets past it
            _roomEmpty.Wait();
        }

        /// <inheritdoc />
        public void ExitWrite()
        {
            _turnstile.Release();
            _roomEmpty.Release();
        }
    }
}
