using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>
/// A reader-writer lock used like <see cref="System.Threading.ReaderWriterLockSlim"/> without recursion: many readers
/// or one writer, and, as in .NET, a waiting writer keeps new readers out. Misuse throws what .NET throws.
/// </summary>
public sealed class ReaderWriterLockSlim : IWaitResource, IDisposable
{
    private readonly ControlledRuntime? _runtime;
    private readonly System.Threading.ReaderWriterLockSlim? _real;
    private readonly VectorClock _clock = new();
    private readonly List<ControlledOperation> _readers = [];
    private readonly Func<bool> _canRead;
    private readonly Func<bool> _canWrite;
    private ControlledOperation? _writer;
    private int _waitingWriters;

    /// <summary>Creates the lock; <paramref name="name"/> appears in traces and deadlock reports.</summary>
    public ReaderWriterLockSlim(string? name = null)
    {
        Name = name ?? "rwlock";
        _canRead = () => _writer is null && _waitingWriters == 0;
        _canWrite = () => _writer is null && _readers.Count == 0;
        _runtime = ControlledRuntime.Current;
        if (_runtime is null) _real = new System.Threading.ReaderWriterLockSlim();
        else _runtime.Register(this);
    }

    /// <summary>The name shown in traces and deadlock reports.</summary>
    public string Name { get; }

    /// <summary>How many threads hold the read lock (not a scheduling point).</summary>
    public int CurrentReadCount => _real?.CurrentReadCount ?? _readers.Count;

    /// <summary>Whether the calling thread holds the read lock.</summary>
    public bool IsReadLockHeld => _real?.IsReadLockHeld ?? _readers.Contains(ControlledRuntime.CurrentOperation!);

    /// <summary>Whether the calling thread holds the write lock.</summary>
    public bool IsWriteLockHeld => _real?.IsWriteLockHeld ?? (_writer is not null && _writer == ControlledRuntime.CurrentOperation);

    /// <summary>Enters in read mode, blocking while a writer holds or waits for the lock.</summary>
    public void EnterReadLock([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => EnterRead(Timeout.Infinite, file, line);

    /// <summary>Enters in read mode within the timeout; false if it timed out (a choice under exploration).</summary>
    public bool TryEnterReadLock(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        EnterRead(ControlledRuntime.CheckTimeout(millisecondsTimeout), file, line);

    /// <summary>Enters in write mode, blocking while anyone holds the lock.</summary>
    public void EnterWriteLock([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => EnterWrite(Timeout.Infinite, file, line);

    /// <summary>Enters in write mode within the timeout; false if it timed out (a choice under exploration).</summary>
    public bool TryEnterWriteLock(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        EnterWrite(ControlledRuntime.CheckTimeout(millisecondsTimeout), file, line);

    /// <summary>Leaves read mode; throws SynchronizationLockException if the caller is not a reader.</summary>
    public void ExitReadLock([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("ReaderWriterLockSlim.ExitReadLock");
            _real!.ExitReadLock();
            return;
        }
        ControlledOperation operation = _runtime.Enter("ReaderWriterLockSlim.ExitReadLock");
        if (!_readers.Contains(operation)) throw new SynchronizationLockException("The read lock is being released without being held.");
        _runtime.SchedulingPoint(operation);
        _readers.Remove(operation);
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, "ExitReadLock", Name, file, line);
    }

    /// <summary>Leaves write mode; throws SynchronizationLockException if the caller is not the writer.</summary>
    public void ExitWriteLock([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("ReaderWriterLockSlim.ExitWriteLock");
            _real!.ExitWriteLock();
            return;
        }
        ControlledOperation operation = _runtime.Enter("ReaderWriterLockSlim.ExitWriteLock");
        if (_writer != operation) throw new SynchronizationLockException("The write lock is being released without being held.");
        _runtime.SchedulingPoint(operation);
        _writer = null;
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, "ExitWriteLock", Name, file, line);
    }

    /// <summary>Releases the real lock outside an exploration.</summary>
    public void Dispose() => _real?.Dispose();

    private bool EnterRead(int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("ReaderWriterLockSlim.EnterReadLock");
            return _real!.TryEnterReadLock(millisecondsTimeout);
        }
        ControlledOperation operation = _runtime.Enter("ReaderWriterLockSlim.EnterReadLock");
        RejectRecursion(operation);
        _runtime.SchedulingPoint(operation);
        if (!_runtime.WaitUntil(operation, this, "EnterReadLock", _canRead, millisecondsTimeout, file, line)) return false;
        _readers.Add(operation);
        _runtime.Races?.Acquire(operation, _clock);
        _runtime.Record(operation, "EnterReadLock", Name, file, line);
        return true;
    }

    private bool EnterWrite(int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("ReaderWriterLockSlim.EnterWriteLock");
            return _real!.TryEnterWriteLock(millisecondsTimeout);
        }
        ControlledOperation operation = _runtime.Enter("ReaderWriterLockSlim.EnterWriteLock");
        RejectRecursion(operation);
        _runtime.SchedulingPoint(operation);
        _waitingWriters++;
        bool entered = _runtime.WaitUntil(operation, this, "EnterWriteLock", _canWrite, millisecondsTimeout, file, line);
        _waitingWriters--;
        if (!entered) return false;
        _writer = operation;
        _runtime.Races?.Acquire(operation, _clock);
        _runtime.Record(operation, "EnterWriteLock", Name, file, line);
        return true;
    }

    private void RejectRecursion(ControlledOperation operation)
    {
        if (_writer == operation || _readers.Contains(operation))
        {
            throw new LockRecursionException("Recursive lock acquisitions are not allowed in this mode.");
        }
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => _writer is null ? _readers.ToArray() : [_writer];

    string IWaitResource.DescribeState() =>
        _writer is not null ? $"write-held by {_writer.Name}" : _readers.Count > 0 ? $"read-held by {string.Join(", ", _readers)}" : "free";
}
