namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// Framework types whose members synchronise or start concurrent work. A call to one of them with no stand-in is
/// reported as uncontrolled, so nothing is silently half-controlled.
/// </summary>
public static class ConcurrencyTypes
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "System.Threading.Monitor", "System.Threading.Lock", "System.Threading.Lock/Scope", "System.Threading.Thread",
        "System.Threading.ThreadPool", "System.Threading.Interlocked", "System.Threading.Volatile",
        "System.Threading.SemaphoreSlim", "System.Threading.Semaphore", "System.Threading.Mutex",
        "System.Threading.WaitHandle", "System.Threading.EventWaitHandle", "System.Threading.ManualResetEvent",
        "System.Threading.AutoResetEvent", "System.Threading.ManualResetEventSlim", "System.Threading.CountdownEvent",
        "System.Threading.Barrier", "System.Threading.ReaderWriterLockSlim", "System.Threading.ReaderWriterLock",
        "System.Threading.SpinLock", "System.Threading.SpinWait", "System.Threading.Timer",
        "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1", "System.Threading.Tasks.Parallel",
        "System.Threading.Tasks.TaskFactory", "System.Threading.Tasks.ValueTask", "System.Threading.Tasks.ValueTask`1",
        "System.Threading.Channels.Channel", "System.Lazy`1",
    };

    /// <summary>True when <paramref name="fullName"/> (IL spelling) is a concurrency type.</summary>
    public static bool Contains(string fullName) => Names.Contains(fullName);
}
