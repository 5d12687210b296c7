using System.Runtime.CompilerServices;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Specifications;

/// <summary>
/// Checks starvation as bounded bypass: a thread that announced it is waiting for a critical section must get in
/// before others have entered more than <see cref="Bound"/> times. Judged on fair schedules only, and an entry counts
/// as a bypass only if the waiter is blocked or has taken a step since the last one counted, so an overtaken waiter is
/// never just an enabled thread the scheduler did not run (for example during a fair strategy's random prefix). With
/// <see cref="BypassSide"/>s, an entry bypasses only waiters of another side, so the bound needs no slack for a
/// waiter's own side.
/// </summary>
public sealed class BoundedBypassMonitor
{
    private readonly ControlledRuntime? _runtime;
    private readonly Dictionary<ControlledOperation, Bypasses> _waiting = [];

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
    public void Waiting([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => WaitingCore(null, file, line);

    /// <summary>The calling thread, of <paramref name="side"/>, starts waiting to enter: only entries of other sides bypass it.</summary>
    public void Waiting(BypassSide side, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => WaitingCore(side, file, line);

    /// <summary>The calling thread entered: every other waiter has been bypassed once more.</summary>
    public void Entered([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => EnteredCore(null, file, line);

    /// <summary>The calling thread, of <paramref name="side"/>, entered: every waiter of another side has been bypassed once more.</summary>
    public void Entered(BypassSide side, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => EnteredCore(side, file, line);

    private void WaitingCore(BypassSide? side, string file, int line)
    {
        if (_runtime is null)
        {
            SpecificationObserver.Outside?.Waiting(this, side);
            return;
        }
        ControlledOperation operation = _runtime.Enter("BoundedBypassMonitor.Waiting");
        _runtime.Record(operation, "waiting", Name, file, line);
        _waiting.TryAdd(operation, new Bypasses(0, operation.StepsTaken, side));
    }

    private void EnteredCore(BypassSide? side, string file, int line)
    {
        if (_runtime is null)
        {
            SpecificationObserver.Outside?.Entered(this, side);
            return;
        }
        ControlledOperation operation = _runtime.Enter("BoundedBypassMonitor.Entered");
        _waiting.Remove(operation);
        _runtime.Record(operation, "entered", Name, file, line);
        foreach ((ControlledOperation waiter, Bypasses bypasses) in _waiting.ToList())
        {
            if (side is not null && bypasses.Side == side) continue;
            if (waiter.StepsTaken == bypasses.StepsSeen && waiter.IsEnabled) continue;
            int bypassed = bypasses.Count + 1;
            _waiting[waiter] = bypasses with { Count = bypassed, StepsSeen = waiter.StepsTaken };
            if (bypassed > Bound)
            {
                _runtime.ReportBypass(
                    $"{waiter.Name} waited to enter '{Name}' while others entered {bypassed} times (bound {Bound}), the last time {operation.Name}");
            }
        }
    }

    /// <summary>How often a waiter was bypassed, how many steps it had taken when that was last counted, and its side.</summary>
    private readonly record struct Bypasses(int Count, int StepsSeen, BypassSide? Side);
}
