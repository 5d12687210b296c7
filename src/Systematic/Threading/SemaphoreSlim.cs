using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>
/// A counting semaphore used like <see cref="System.Threading.SemaphoreSlim"/> (same exceptions); under exploration a
/// timed wait times out or not as the strategy chooses.
/// </summary>
public sealed class SemaphoreSlim : IWaitResource
{
    private readonly ControlledRuntime? _runtime;
    private readonly System.Threading.SemaphoreSlim? _real;
    private readonly VectorClock _clock = new();
    private readonly int _maxCount;
    private readonly Func<bool> _hasPermit;
    private int _count;

    /// <summary>Creates a semaphore with <paramref name="initialCount"/> permits and at most <paramref name="maxCount"/>.</summary>
    public SemaphoreSlim(int initialCount, int maxCount = int.MaxValue, string? name = null)
    {
        if (initialCount < 0 || initialCount > maxCount) throw new ArgumentOutOfRangeException(nameof(initialCount));
        if (maxCount <= 0) throw new ArgumentOutOfRangeException(nameof(maxCount));
        Name = name ?? "semaphore";
        _maxCount = maxCount;
        _count = initialCount;
        _hasPermit = () => _count > 0;
        _runtime = ControlledRuntime.Current;
        if (_runtime is null) _real = new System.Threading.SemaphoreSlim(initialCount, maxCount);
        else _runtime.Register(this);
    }

    /// <summary>The name shown in traces and deadlock reports.</summary>
    public string Name { get; }

    /// <summary>The number of permits available now.</summary>
    public int CurrentCount => _real?.CurrentCount ?? _count;

    /// <summary>Takes a permit, blocking while there is none.</summary>
    public void Wait([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => WaitCore(Timeout.Infinite, file, line);

    /// <summary>Takes a permit within the timeout; false if it timed out.</summary>
    public bool Wait(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        WaitCore(ControlledRuntime.CheckTimeout(millisecondsTimeout), file, line);

    /// <summary>Takes a permit within the timeout; false if it timed out.</summary>
    public bool Wait(TimeSpan timeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        WaitCore(ControlledRuntime.ToMilliseconds(timeout), file, line);

    /// <summary>Returns one permit; throws <see cref="SemaphoreFullException"/> past the maximum. Returns the previous count.</summary>
    public int Release([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => Release(1, file, line);

    /// <summary>Returns <paramref name="releaseCount"/> permits; throws <see cref="SemaphoreFullException"/> past the maximum.</summary>
    public int Release(int releaseCount, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (releaseCount < 1) throw new ArgumentOutOfRangeException(nameof(releaseCount));
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("SemaphoreSlim.Release");
            return _real!.Release(releaseCount);
        }
        ControlledOperation operation = _runtime.Enter("SemaphoreSlim.Release");
        _runtime.SchedulingPoint(operation);
        if (_maxCount - _count < releaseCount) throw new SemaphoreFullException("Adding the specified count to the semaphore would cause it to exceed its maximum count.");
        int previous = _count;
        _count += releaseCount;
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, "Release", Name, file, line, _count);
        return previous;
    }

    private bool WaitCore(int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("SemaphoreSlim.Wait");
            return _real!.Wait(millisecondsTimeout);
        }
        if (!_runtime.AwaitSignal("SemaphoreSlim.Wait", this, "Wait", _hasPermit, _clock, millisecondsTimeout, file, line, out var operation)) return false;
        _count--;
        _runtime.Record(operation, "Wait", Name, file, line, _count);
        return true;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => [];

    string IWaitResource.DescribeState() => $"count {_count}";
}
