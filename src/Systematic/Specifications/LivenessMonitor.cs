using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Specifications;

/// <summary>
/// A hot/cold liveness monitor (as in Coyote and P): hot while something is awaited ("philosopher 0 is hungry"),
/// cold once it happens ("ate"). Hot for more than the liveness bound on a fair schedule, or hot when every thread
/// has finished, is a liveness bug of the monitor's kind. Outside an exploration it only tracks its temperature.
/// </summary>
public sealed class LivenessMonitor
{
    private readonly ControlledRuntime? _runtime;

    /// <summary>Creates a cold monitor; <paramref name="kind"/> is <see cref="BugKind.Livelock"/> or <see cref="BugKind.Starvation"/>.</summary>
    public LivenessMonitor(string name, BugKind kind = BugKind.Livelock)
    {
        if (kind is not (BugKind.Livelock or BugKind.Starvation))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "a liveness monitor reports a Livelock or a Starvation");
        }
        Name = name;
        Kind = kind;
        _runtime = ControlledRuntime.Current;
        _runtime?.Register(this);
    }

    /// <summary>What the monitor waits for, as shown in reports.</summary>
    public string Name { get; }

    /// <summary>The bug kind reported when the monitor stays hot.</summary>
    public BugKind Kind { get; }

    /// <summary>The step at which the monitor turned hot, or null while it is cold.</summary>
    public int? HotSince { get; private set; }

    /// <summary>Whether the monitor is hot.</summary>
    public bool IsHot => HotSince is not null;

    /// <summary>Something is now awaited; a monitor that is already hot stays hot since the earlier step.</summary>
    public void Hot([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (HotSince is not null) return;
        HotSince = _runtime?.CurrentStep ?? 0;
        Changed("hot", file, line);
    }

    /// <summary>The awaited thing happened (progress).</summary>
    public void Cold([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (HotSince is null) return;
        HotSince = null;
        Changed("cold", file, line);
    }

    private void Changed(string temperature, string file, int line)
    {
        if (_runtime is null)
        {
            SpecificationObserver.Outside?.TemperatureChanged(this, temperature == "hot");
            return;
        }
        ControlledOperation operation = _runtime.Enter("LivenessMonitor");
        _runtime.Record(operation, temperature, Name, file, line);
        _runtime.OnTemperatureChanged();
    }
}
