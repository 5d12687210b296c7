using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using CoyoteSpecification = Microsoft.Coyote.Specifications.Specification;

namespace Lab.Systematic.Coyote.Monitors;

/// <summary>Forwards the lab's monitor events, raised in code Coyote runs, to the Coyote monitors that hold them.</summary>
internal sealed class CoyoteSpecificationObserver : ISpecificationObserver
{
    /// <summary>The one instance; it has no state of its own (the Coyote monitors are per iteration).</summary>
    public static CoyoteSpecificationObserver Instance { get; } = new();

    /// <summary>Registers the Coyote monitors; call at the start of every iteration.</summary>
    public static void RegisterMonitors()
    {
        CoyoteSpecification.RegisterMonitor<LivelockMonitor>();
        CoyoteSpecification.RegisterMonitor<StarvationMonitor>();
        CoyoteSpecification.RegisterMonitor<BypassMonitor>();
    }

    /// <inheritdoc />
    public void TemperatureChanged(LivenessMonitor monitor, bool hot)
    {
        var temperature = new TemperatureEvent(monitor, monitor.Name, hot);
        if (monitor.Kind == BugKind.Starvation) CoyoteSpecification.Monitor<StarvationMonitor>(temperature);
        else CoyoteSpecification.Monitor<LivelockMonitor>(temperature);
    }

    /// <inheritdoc />
    public void Waiting(BoundedBypassMonitor monitor, BypassSide? side) => Raise(monitor, side, entered: false);

    /// <inheritdoc />
    public void Entered(BoundedBypassMonitor monitor, BypassSide? side) => Raise(monitor, side, entered: true);

    private static void Raise(BoundedBypassMonitor monitor, BypassSide? side, bool entered)
    {
        int thread = Environment.CurrentManagedThreadId;
        string name = CoyoteThreadName.Current ?? $"thread {thread}";
        CoyoteSpecification.Monitor<BypassMonitor>(new BypassEvent(monitor, monitor.Name, monitor.Bound, thread, name, side?.Name, entered));
    }
}
