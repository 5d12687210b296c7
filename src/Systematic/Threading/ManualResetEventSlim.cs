using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>An event that stays signalled until reset, used like <see cref="System.Threading.ManualResetEventSlim"/>.</summary>
public sealed class ManualResetEventSlim : IWaitResource
{
    private readonly ControlledRuntime? _runtime;
    private readonly System.Threading.ManualResetEventSlim? _real;
    private readonly VectorClock _clock = new();
    private readonly Func<bool> _isSet;
    private bool _set;

    /// <summary>Creates the event, signalled or not; <paramref name="name"/> appears in traces and deadlock reports.</summary>
    public ManualResetEventSlim(bool initialState = false, string? name = null)
    {
        Name = name ?? "event";
        _set = initialState;
        _isSet = () => _set;
        _runtime = ControlledRuntime.Current;
        if (_runtime is null) _real = new System.Threading.ManualResetEventSlim(initialState);
        else _runtime.Register(this);
    }

    /// <summary>The name shown in traces and deadlock reports.</summary>
    public string Name { get; }

    /// <summary>Whether the event is signalled (not a scheduling point).</summary>
    public bool IsSet => _real?.IsSet ?? _set;

    /// <summary>Signals the event, releasing every waiter.</summary>
    public void Set([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => Change(true, file, line);

    /// <summary>Un-signals the event.</summary>
    public void Reset([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => Change(false, file, line);

    /// <summary>Blocks until the event is signalled.</summary>
    public void Wait([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => WaitCore(Timeout.Infinite, file, line);

    /// <summary>Blocks until the event is signalled or the timeout elapses (a choice under exploration).</summary>
    public bool Wait(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        WaitCore(ControlledRuntime.CheckTimeout(millisecondsTimeout), file, line);

    /// <summary>Blocks until the event is signalled or the timeout elapses (a choice under exploration).</summary>
    public bool Wait(TimeSpan timeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        WaitCore(ControlledRuntime.ToMilliseconds(timeout), file, line);

    private void Change(bool set, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse(set ? "ManualResetEventSlim.Set" : "ManualResetEventSlim.Reset");
            if (set) _real!.Set();
            else _real!.Reset();
            return;
        }
        ControlledOperation operation = _runtime.Enter(set ? "ManualResetEventSlim.Set" : "ManualResetEventSlim.Reset");
        _runtime.SchedulingPoint(operation);
        if (set) _runtime.Races?.Release(operation, _clock);
        _set = set;
        _runtime.Record(operation, set ? "Set" : "Reset", Name, file, line);
    }

    private bool WaitCore(int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("ManualResetEventSlim.Wait");
            return _real!.Wait(millisecondsTimeout);
        }
        if (!_runtime.AwaitSignal("ManualResetEventSlim.Wait", this, "Wait", _isSet, _clock, millisecondsTimeout, file, line, out var operation)) return false;
        _runtime.Record(operation, "Wait", Name, file, line);
        return true;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => [];

    string IWaitResource.DescribeState() => _set ? "set" : "not set";
}
