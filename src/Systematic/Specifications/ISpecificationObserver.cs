namespace Lab.Systematic.Specifications;

/// <summary>
/// Hears the monitor events raised outside a lab exploration, so that another engine running the same code (Microsoft
/// Coyote, through Lab.Systematic.Coyote) can judge liveness and bypass bounds the lab's monitors state.
/// </summary>
public interface ISpecificationObserver
{
    /// <summary>A liveness monitor turned hot (<paramref name="hot"/> true) or cold.</summary>
    void TemperatureChanged(LivenessMonitor monitor, bool hot);

    /// <summary>The calling thread (of <paramref name="side"/>, if given) started waiting to enter the bypass monitor's critical section.</summary>
    void Waiting(BoundedBypassMonitor monitor, BypassSide? side);

    /// <summary>The calling thread (of <paramref name="side"/>, if given) entered the bypass monitor's critical section.</summary>
    void Entered(BoundedBypassMonitor monitor, BypassSide? side);
}
