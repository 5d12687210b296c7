using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace Lab.Systematic.Coyote.Monitors;

/// <summary>One of the lab's liveness monitors (by reference) turned hot or cold.</summary>
internal sealed class TemperatureEvent(object monitor, string name, bool hot) : CoyoteMonitor.Event
{
    public object Monitor { get; } = monitor;

    public string Name { get; } = name;

    public bool Hot { get; } = hot;
}
