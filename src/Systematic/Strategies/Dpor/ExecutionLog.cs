namespace Lab.Systematic.Strategies.Dpor;

/// <summary>
/// The events of one execution with the resources each touched, built from the runtime's step reports. Steps are
/// classified by action: reads, failed and timed-out attempts observe; Lock exits and Monitor.Wait release; a TryEnter observes and writes; atomics (Interlocked,
/// Volatile) share one resource; choices, yields and sleeps touch nothing; everything else on a resource writes it.
/// A thread's first event and its end also write the thread's name, so Start and Join order them.
/// </summary>
internal sealed class ExecutionLog(ResourceNames resources)
{
    private const string Atomics = "<atomics>";
    private readonly List<ExecutionEvent> _events = [];
    private readonly List<string> _names = [];
    private readonly HashSet<int> _started = [];
    private readonly Dictionary<int, int> _timedWaits = [];
    private readonly Dictionary<int, List<Access>> _carried = [];
    private ExecutionEvent? _current;

    public IReadOnlyList<ExecutionEvent> Events => _events;

    /// <summary>The event now running (its steps arrive until the next decision), or null once the log stopped.</summary>
    public ExecutionEvent? Current => _current;

    /// <summary>Starts a new execution whose first event is main's run up to the first decision.</summary>
    public void Reset()
    {
        _events.Clear();
        _names.Clear();
        _started.Clear();
        _timedWaits.Clear();
        _carried.Clear();
        _current = null;
        Begin(thread: 0, node: -1);
    }

    /// <summary>A decision scheduled <paramref name="thread"/>: what follows belongs to its new event.</summary>
    public void Begin(int thread, int node)
    {
        Close();
        _current = new ExecutionEvent(thread, node);
        _events.Add(_current);
        if (_carried.Remove(thread, out List<Access>? carried)) _current.Accesses.AddRange(carried);
        if (_started.Add(thread) && thread < _names.Count) Access.Merge(_current.Accesses, new Access(resources.Intern(_names[thread]), AccessKind.Write));
        if (_timedWaits.Remove(thread, out int resource))
        {
            // Whether a timed wait ends by success or by time-out depends on every step on its resource, releases included.
            Access.Merge(_current.Accesses, new Access(resource, AccessKind.Read));
        }
    }

    /// <summary>Ends the running event; one that only blocked is a stutter and hands what it inherited to the thread's next event.</summary>
    public void Close()
    {
        if (_current is { Blocked: true, Acted: false, Accesses.Count: > 0 })
        {
            _carried[_current.Thread] = [.. _current.Accesses];
            _current.Accesses.Clear();
        }
    }

    /// <summary>Ignores everything from here on (the rest of the execution is not part of the exploration).</summary>
    public void Stop()
    {
        Close();
        _current = null;
    }

    public void OnCreated(int operation, string name)
    {
        while (_names.Count <= operation) _names.Add("");
        _names[operation] = name;
        if (operation == 0 && _current is { Thread: 0 } && _events.Count == 1) Access.Merge(_current.Accesses, new Access(resources.Intern(name), AccessKind.Write));
    }

    public void OnStep(string action, string? resource)
    {
        if (_current is null) return;
        if (resource is null)
        {
            if (action.StartsWith("Interlocked.", StringComparison.Ordinal) || action == "Volatile.Write") Add(Atomics, AccessKind.Write);
            else if (action == "Volatile.Read") Add(Atomics, AccessKind.Read);
            return;
        }
        AccessKind kind = Classify(action);
        if (kind != AccessKind.None) Add(resource, kind);
    }

    public void OnBlocked(int operation, string resource, bool timed)
    {
        if (_current is null) return;
        _current.Blocked = true;
        bool pulse = resource.StartsWith(PulsePrefix, StringComparison.Ordinal);
        int id = resources.Intern(pulse ? resource[PulsePrefix.Length..] : resource);
        if (timed) _timedWaits[operation] = id;
        if (pulse) WaitReleases(id);
    }

    public void OnCompleted(int operation)
    {
        if (_current is not null && operation < _names.Count) Add(_names[operation], AccessKind.Write);
    }

    /// <summary>How a recorded action touches its resource.</summary>
    public static AccessKind Classify(string action)
    {
        // A writer waiting for a reader-writer lock turns new readers away, so its blocked attempt changes the lock.
        if (action == "EnterWriteLock blocks") return AccessKind.Write;
        if (action == "choose" || action.EndsWith(" blocks", StringComparison.Ordinal)) return AccessKind.None;
        if (action == "read" || action.EndsWith(" failed", StringComparison.Ordinal) || action.EndsWith(" timed out", StringComparison.Ordinal)) return AccessKind.Read;
        // Only a blocking Lock.Enter is disabled while the lock is held; a TryEnter runs either way and sees whether it is.
        if (action == "Exit") return AccessKind.Release;
        if (action.StartsWith("TryEnter", StringComparison.Ordinal)) return AccessKind.Read | AccessKind.Write;
        return AccessKind.Write;
    }

    private void Add(string resource, AccessKind kind)
    {
        _current!.Acted = true;
        Access.Merge(_current.Accesses, new Access(resources.Intern(resource), kind));
    }

    /// <summary>
    /// Monitor.Wait gives up the lock and queues for a pulse. Only the lock's holder can pulse it, so the queueing is
    /// ordered by the lock's acquisitions, and the step acts on the lock as a release (the runtime names what a
    /// waiter blocks on "a Pulse on" the lock).
    /// </summary>
    private void WaitReleases(int lockResource)
    {
        List<Access> accesses = _current!.Accesses;
        int index = accesses.FindIndex(a => a.Resource == lockResource);
        if (index >= 0) accesses[index] = accesses[index] with { Kind = AccessKind.Release };
    }

    private const string PulsePrefix = "a Pulse on ";
}
