using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>
/// A re-entrant lock with <see cref="System.Threading.Monitor"/> semantics (Enter, TryEnter, Exit, Wait, Pulse,
/// PulseAll) on an object of its own, like <see cref="System.Threading.Lock"/> plus a condition variable. The C#
/// <c>lock</c> statement cannot be intercepted: write <c>using (x.EnterScope())</c>. Waiters are pulsed in FIFO order.
/// </summary>
public sealed class Lock : IWaitResource
{
    private readonly ControlledRuntime? _runtime;
    private readonly object _real = new();
    private readonly VectorClock _clock = new();
    private readonly List<PulseWaiter> _waiters = [];
    private readonly PulseSignal _pulse;
    private ControlledOperation? _owner;
    private readonly Func<bool> _isFree;
    private int _recursion;

    /// <summary>Creates a lock; <paramref name="name"/> appears in traces and deadlock reports.</summary>
    public Lock(string? name = null)
    {
        Name = name ?? "lock";
        _pulse = new PulseSignal(this);
        _isFree = () => _owner is null;
        _runtime = ControlledRuntime.Current;
        _runtime?.Register(this);
    }

    /// <summary>The name shown in traces and deadlock reports.</summary>
    public string Name { get; }

    /// <summary>Whether the calling thread holds the lock.</summary>
    public bool IsHeldByCurrentThread => _runtime is null ? System.Threading.Monitor.IsEntered(_real) : _owner is not null && _owner == ControlledRuntime.CurrentOperation;

    /// <summary>Acquires the lock, blocking while another thread holds it.</summary>
    public void Enter([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Acquire("Enter", Timeout.Infinite, file, line);

    /// <summary>Acquires the lock if it is free now, without blocking.</summary>
    public bool TryEnter([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Acquire("TryEnter", 0, file, line);

    /// <summary>Acquires the lock within the timeout; under exploration, whether a contended attempt times out is a choice.</summary>
    public bool TryEnter(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (millisecondsTimeout < -1) throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout));
        return Acquire("TryEnter", millisecondsTimeout, file, line);
    }

    /// <summary>Acquires the lock within the timeout; see <see cref="TryEnter(int, string, int)"/>.</summary>
    public bool TryEnter(TimeSpan timeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        TryEnter(checked((int)timeout.TotalMilliseconds), file, line);

    /// <summary>Acquires the lock for a <c>using</c> block, the controlled stand-in for the <c>lock</c> statement.</summary>
    public Scope EnterScope([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Enter(file, line);
        return new Scope(this, file, line);
    }

    /// <summary>Releases one level of ownership; throws <see cref="SynchronizationLockException"/> if the caller does not own it.</summary>
    public void Exit([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("Lock.Exit");
            System.Threading.Monitor.Exit(_real);
            return;
        }
        ControlledOperation operation = _runtime.Enter("Lock.Exit");
        RequireOwner(operation);
        _runtime.SchedulingPoint(operation);
        if (--_recursion == 0) Release(operation);
        _runtime.Record(operation, "Exit", Name, file, line);
    }

    /// <summary>Releases the lock, waits for a Pulse, and re-acquires it.</summary>
    public void Wait([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => WaitCore(Timeout.Infinite, file, line);

    /// <summary>Like <see cref="Wait(string, int)"/> with a timeout; false if it timed out (a choice under exploration).</summary>
    public bool Wait(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (millisecondsTimeout < -1) throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout));
        return WaitCore(millisecondsTimeout, file, line);
    }

    /// <summary>Wakes the longest-waiting thread in <see cref="Wait(string, int)"/>, if any.</summary>
    public void Pulse([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => PulseCore(all: false, file, line);

    /// <summary>Wakes every thread in <see cref="Wait(string, int)"/>.</summary>
    public void PulseAll([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => PulseCore(all: true, file, line);

    private bool Acquire(string action, int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("Lock." + action);
            return System.Threading.Monitor.TryEnter(_real, millisecondsTimeout);
        }
        ControlledOperation operation = _runtime.Enter("Lock." + action);
        _runtime.SchedulingPoint(operation);
        if (_owner != operation && !_runtime.WaitUntil(operation, this, action, _isFree, millisecondsTimeout, file, line)) return false;
        if (_owner == operation)
        {
            _recursion++;
        }
        else
        {
            _owner = operation;
            _recursion = 1;
            _runtime.Races?.Acquire(operation, _clock);
        }
        _runtime.Record(operation, action, Name, file, line);
        return true;
    }

    private bool WaitCore(int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("Lock.Wait");
            return System.Threading.Monitor.Wait(_real, millisecondsTimeout);
        }
        ControlledOperation operation = _runtime.Enter("Lock.Wait");
        RequireOwner(operation);
        _runtime.SchedulingPoint(operation);
        int recursion = _recursion;
        _recursion = 0;
        Release(operation);
        var waiter = new PulseWaiter(operation);
        _waiters.Add(waiter);
        _runtime.Record(operation, "Wait", Name, file, line);
        bool timed = millisecondsTimeout != Timeout.Infinite;
        bool pulsed = _runtime.Block(operation, _pulse, "Wait", () => waiter.Pulsed, timed);
        _runtime.CountTimedWait(timed, file, line, timedOut: !pulsed);
        if (!pulsed) _waiters.Remove(waiter);
        if (_owner is not null) _runtime.Block(operation, this, "Enter", _isFree, timed: false);
        _owner = operation;
        _recursion = recursion;
        _runtime.Races?.Acquire(operation, _clock);
        _runtime.Record(operation, pulsed ? "Wait returned" : "Wait timed out", Name, file, line);
        return pulsed;
    }

    private void PulseCore(bool all, string file, int line)
    {
        string action = all ? "PulseAll" : "Pulse";
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("Lock." + action);
            if (all) System.Threading.Monitor.PulseAll(_real);
            else System.Threading.Monitor.Pulse(_real);
            return;
        }
        ControlledOperation operation = _runtime.Enter("Lock." + action);
        RequireOwner(operation);
        _runtime.SchedulingPoint(operation);
        int count = all ? _waiters.Count : Math.Min(1, _waiters.Count);
        for (int i = 0; i < count; i++) _waiters[i].Pulsed = true;
        _waiters.RemoveRange(0, count);
        _runtime.Record(operation, action, Name, file, line, count);
    }

    private void RequireOwner(ControlledOperation operation)
    {
        if (_owner != operation)
        {
            throw new SynchronizationLockException("Object synchronization method was called from an unsynchronized block of code.");
        }
    }

    private void Release(ControlledOperation operation)
    {
        _owner = null;
        _runtime!.Races?.Release(operation, _clock);
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => _owner is null ? [] : [_owner];

    string IWaitResource.DescribeState() => _owner switch
    {
        null => "free",
        { Status: OperationStatus.Completed } => $"held by {_owner.Name}, which finished without releasing it",
        _ => $"held by {_owner.Name}",
    };

    /// <summary>Releases the lock when disposed; returned by <see cref="EnterScope"/>. Traces show the exit at the scope's line.</summary>
    public readonly struct Scope(Lock owner, string file, int line) : IDisposable
    {
        /// <summary>Exits the lock.</summary>
        public void Dispose() => owner.Exit(file, line);
    }

    private sealed class PulseWaiter(ControlledOperation operation)
    {
        public ControlledOperation Operation { get; } = operation;

        public bool Pulsed { get; set; }
    }

    /// <summary>What a thread in Wait blocks on: a Pulse, which nobody holds.</summary>
    private sealed class PulseSignal(Lock owner) : IWaitResource
    {
        public string Name => $"a Pulse on {owner.Name}";

        public IEnumerable<ControlledOperation> Holders => [];

        public string DescribeState() => owner._owner is null ? "no thread holds the lock to pulse it" : $"{owner.Name} held by {owner._owner.Name}";
    }
}
