using Microsoft.Coyote.Specifications;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace Lab.Systematic.Coyote.Monitors;

/// <summary>
/// The lab's Livelock-kind <c>LivenessMonitor</c>s held by one Coyote monitor: hot while any of them is hot. Coyote
/// reports it when it stays hot past the temperature threshold on a fair iteration. (Two lab monitors that take turns
/// being hot, never both cold, keep this one hot; the lab would judge each alone.)
/// </summary>
internal sealed class LivelockMonitor : CoyoteMonitor
{
    private readonly HashSet<object> _hot = new(ReferenceEqualityComparer.Instance);

    [Start]
    [Cold]
    [OnEventDoAction(typeof(TemperatureEvent), nameof(OnTemperature))]
    private sealed class EveryoneProgresses : State
    {
    }

    [Hot]
    [OnEventDoAction(typeof(TemperatureEvent), nameof(OnTemperature))]
    private sealed class SomeoneAwaitsProgress : State
    {
    }

    private void OnTemperature(Event e)
    {
        var temperature = (TemperatureEvent)e;
        if (temperature.Hot) _hot.Add(temperature.Monitor);
        else _hot.Remove(temperature.Monitor);
        bool hot = CurrentState == typeof(SomeoneAwaitsProgress);
        if (_hot.Count > 0 && !hot) RaiseGotoStateEvent<SomeoneAwaitsProgress>();
        else if (_hot.Count == 0 && hot) RaiseGotoStateEvent<EveryoneProgresses>();
    }
}
