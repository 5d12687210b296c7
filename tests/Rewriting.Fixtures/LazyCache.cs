using System.Collections.Concurrent;

namespace Lab.Rewriting.Fixtures;

/// <summary>
/// Two threads ask a cache for one key whose value opens a connection. GetOrAdd may run a plain factory twice; a
/// Lazy in ExecutionAndPublication mode runs it once; in PublicationOnly mode both may run it.
/// </summary>
public static class LazyCache
{
    /// <summary>How many connections two overlapping lookups opened, with the lazy in <paramref name="mode"/>.</summary>
    public static int OpensForTwoLookups(LazyThreadSafetyMode mode)
    {
        var cache = new ConcurrentDictionary<string, Lazy<int>>();
        int opened = 0;
        int Open() => Interlocked.Increment(ref opened); // @line:lazy-open
        void Lookup() => _ = cache.GetOrAdd("db", _ => new Lazy<int>(Open, mode)).Value;
        var first = new Thread(Lookup) { Name = "first" };
        var second = new Thread(Lookup) { Name = "second" };
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        return opened;
    }

    /// <summary>A factory that reads its own lazy's Value: the real Lazy throws InvalidOperationException.</summary>
    public static string FactoryReadingItsOwnLazy()
    {
        Lazy<int>? self = null;
        self = new Lazy<int>(() => self!.Value + 1);
        try
        {
            return self.Value.ToString();
        }
        catch (InvalidOperationException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>A factory that fails once: ExecutionAndPublication caches the failure, so the second read fails too.</summary>
    public static int FailuresOfTwoReadsOfAFailingLazy()
    {
        var lazy = new Lazy<int>(() => throw new InvalidOperationException("no connection"));
        int failures = 0;
        for (int i = 0; i < 2; i++)
        {
            try
            {
                _ = lazy.Value;
            }
            catch (InvalidOperationException)
            {
                failures++;
            }
        }
        return failures;
    }
}
