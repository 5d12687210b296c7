using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace Lab.Systematic.Coyote.Monitors;

/// <summary>A thread started waiting for (<c>entered</c> false) or entered a lab <c>BoundedBypassMonitor</c>'s section.</summary>
internal sealed class BypassEvent(object monitor, string section, int bound, int thread, string threadName, string? side, bool entered) : CoyoteMonitor.Event
{
    public object Monitor { get; } = monitor;

    public string Section { get; } = section;

    public int Bound { get; } = bound;

    public int Thread { get; } = thread;

    public string ThreadName { get; } = threadName;

    /// <summary>The waiter's or entrant's side (null: none): an entry bypasses only waiters of another side.</summary>
    public string? Side { get; } = side;

    public bool Entered { get; } = entered;
}
