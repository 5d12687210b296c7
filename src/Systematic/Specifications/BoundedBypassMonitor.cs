using System.Runtime.CompilerServices;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Specifications;

/// <summary>
/// Checks starvation as bounded bypass: a thread that announced it is waiting for a critical section must get in
/// before others have entered more than <see cref="Bound"/> times. Judged on fair schedules only, so an overtaken
/// waiter is never just a thread the scheduler ignored.
/// </summary>
public sealed class BoundedBypassMonitor
{
    private readonly ControlledRuntime? _runtime;
    private readonly Dictionary<string, int> _waiting = [];

    /// <summary>Creates the monitor for the critical section <paramref name="name"/>.</summary>
    public BoundedBypassMonitor(string name, int bound)
    {
        if (bound < 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "must be zero or more");
        Name = name;
        Bound = bound;
        _runtime = ControlledRuntime.Current;
    }

    /// <summary>The critical section's name, as shown in reports.</summary>
    public string Name { get; }

    /// <summary>How many times others may enter while a thread waits.</summary>
    public int Bound { get; }

    /// <summary>The calling thread starts waiting to enter.</summary>
    public void Waiting([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null) return;
        ControlledOperation operation = _runtime.Enter("BoundedBypassMonitor.Waiting");
        _waiting.TryAdd(operation.Name, 0);
        _runtime.Record(operation, "waiting", Name, file, line);
    }

    /// <summary>The calling thread entered: every other waiter has been bypassed once more.</summary>
    public void Entered([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null) return;
        ControlledOperation operation = _runtime.Enter("BoundedBypassMonitor.Entered");
        _waiting.Remove(operation.Name);
        _runtime.Record(operation, "entered", Name, file, line);
        foreach (string waiter in _waiting.Keys.ToList())
        {
            int bypassed = ++_waiting[waiter];
            if (bypassed > Bound)
            {
                _runtime.ReportBypass(
                    $"{waiter} waited to enter '{Name}' while others entered {bypassed} times (bound {Bound}), the last time {operation.Name}");
            }
        }
    }
}
