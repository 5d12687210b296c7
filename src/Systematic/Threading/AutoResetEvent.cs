using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>An event that releases one waiter and resets itself, used like <see cref="System.Threading.AutoResetEvent"/>.</summary>
public sealed class AutoResetEvent : IWaitResource, IDisposable
{
    private readonly ControlledRuntime? _runtime;
    private readonly System.Threading.AutoResetEvent? _real;
    private readonly VectorClock _clock = new();
    private readonly Func<bool> _isSet;
    private bool _set;

    /// <summary>Creates the event, signalled or not; <paramref name="name"/> appears in traces and deadlock reports.</summary>
    public AutoResetEvent(bool initialState, string? name = null)
    {
        Name = name ?? "auto-event";
        _set = initialState;
        _isSet = () => _set;
        _runtime = ControlledRuntime.Current;
        if (_runtime is null) _real = new System.Threading.AutoResetEvent(initialState);
        else _runtime.Register(this);
    }

    /// <summary>The name shown in traces and deadlock reports.</summary>
    public string Name { get; }

    /// <summary>Signals the event: one waiter (now or later) passes, then it resets. Setting a set event does nothing.</summary>
    public bool Set([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("AutoResetEvent.Set");
            return _real!.Set();
        }
        ControlledOperation operation = _runtime.Enter("AutoResetEvent.Set");
        _runtime.SchedulingPoint(operation);
        _runtime.Races?.Release(operation, _clock);
        _set = true;
        _runtime.Record(operation, "Set", Name, file, line);
        return true;
    }

    /// <summary>Un-signals the event.</summary>
    public bool Reset([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("AutoResetEvent.Reset");
            return _real!.Reset();
        }
        ControlledOperation operation = _runtime.Enter("AutoResetEvent.Reset");
        _runtime.SchedulingPoint(operation);
        _set = false;
        _runtime.Record(operation, "Reset", Name, file, line);
        return true;
    }

    /// <summary>Blocks until the event is signalled, and resets it.</summary>
    public bool WaitOne([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => WaitCore(Timeout.Infinite, file, line);

    /// <summary>Blocks until the event is signalled or the timeout elapses (a choice under exploration).</summary>
    public bool WaitOne(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        WaitCore(ControlledRuntime.CheckTimeout(millisecondsTimeout), file, line);

    /// <summary>Releases the real event's handle outside an exploration.</summary>
    public void Dispose() => _real?.Dispose();

    private bool WaitCore(int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("AutoResetEvent.WaitOne");
            return _real!.WaitOne(millisecondsTimeout);
        }
        if (!_runtime.AwaitSignal("AutoResetEvent.WaitOne", this, "WaitOne", _isSet, _clock, millisecondsTimeout, file, line, out var operation)) return false;
        _set = false;
        _runtime.Record(operation, "WaitOne", Name, file, line);
        return true;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => [];

    string IWaitResource.DescribeState() => _set ? "set" : "not set";
}
