using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>An event that is set when its count reaches zero, used like <see cref="System.Threading.CountdownEvent"/>.</summary>
public sealed class CountdownEvent : IWaitResource, IDisposable
{
    private readonly ControlledRuntime? _runtime;
    private readonly System.Threading.CountdownEvent? _real;
    private readonly VectorClock _clock = new();
    private readonly Func<bool> _isSet;
    private int _initialCount;
    private int _count;

    /// <summary>Creates the event with <paramref name="initialCount"/> signals to go.</summary>
    public CountdownEvent(int initialCount, string? name = null)
    {
        if (initialCount < 0) throw new ArgumentOutOfRangeException(nameof(initialCount));
        Name = name ?? "countdown";
        _initialCount = _count = initialCount;
        _isSet = () => _count == 0;
        _runtime = ControlledRuntime.Current;
        if (_runtime is null) _real = new System.Threading.CountdownEvent(initialCount);
        else _runtime.Register(this);
    }

    /// <summary>The name shown in traces and deadlock reports.</summary>
    public string Name { get; }

    /// <summary>Signals still needed (not a scheduling point).</summary>
    public int CurrentCount => _real?.CurrentCount ?? _count;

    /// <summary>Whether the count has reached zero (not a scheduling point).</summary>
    public bool IsSet => _real?.IsSet ?? _count == 0;

    /// <summary>Registers one signal; true if it set the event. Signalling a set event throws InvalidOperationException.</summary>
    public bool Signal([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => Signal(1, file, line);

    /// <summary>Registers <paramref name="signalCount"/> signals; true if they set the event.</summary>
    public bool Signal(int signalCount, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (signalCount <= 0) throw new ArgumentOutOfRangeException(nameof(signalCount));
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("CountdownEvent.Signal");
            return _real!.Signal(signalCount);
        }
        ControlledOperation operation = _runtime.Enter("CountdownEvent.Signal");
        _runtime.SchedulingPoint(operation);
        if (_count < signalCount) throw new InvalidOperationException("Invalid attempt made to decrement the event's count below zero.");
        _count -= signalCount;
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, "Signal", Name, file, line, _count);
        return _count == 0;
    }

    /// <summary>Raises the count; adding to a set event throws InvalidOperationException, as in .NET.</summary>
    public void AddCount(int signalCount = 1, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (signalCount <= 0) throw new ArgumentOutOfRangeException(nameof(signalCount));
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("CountdownEvent.AddCount");
            _real!.AddCount(signalCount);
            return;
        }
        ControlledOperation operation = _runtime.Enter("CountdownEvent.AddCount");
        _runtime.SchedulingPoint(operation);
        if (_count == 0) throw new InvalidOperationException("The event is already signaled and cannot be incremented.");
        _count += signalCount;
        _runtime.Record(operation, "AddCount", Name, file, line, _count);
    }

    /// <summary>Sets the count back to its initial value.</summary>
    public void Reset([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("CountdownEvent.Reset");
            _real!.Reset();
            return;
        }
        ControlledOperation operation = _runtime.Enter("CountdownEvent.Reset");
        _runtime.SchedulingPoint(operation);
        _count = _initialCount;
        _runtime.Record(operation, "Reset", Name, file, line, _count);
    }

    /// <summary>Blocks until the count reaches zero.</summary>
    public void Wait([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => WaitCore(Timeout.Infinite, file, line);

    /// <summary>Blocks until the count reaches zero or the timeout elapses (a choice under exploration).</summary>
    public bool Wait(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        WaitCore(ControlledRuntime.CheckTimeout(millisecondsTimeout), file, line);

    /// <summary>Releases the real event's handle outside an exploration.</summary>
    public void Dispose() => _real?.Dispose();

    private bool WaitCore(int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("CountdownEvent.Wait");
            return _real!.Wait(millisecondsTimeout);
        }
        if (!_runtime.AwaitSignal("CountdownEvent.Wait", this, "Wait", _isSet, _clock, millisecondsTimeout, file, line, out var operation)) return false;
        _runtime.Record(operation, "Wait", Name, file, line);
        return true;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => [];

    string IWaitResource.DescribeState() => $"count {_count}";
}
