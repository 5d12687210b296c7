using Microsoft.Coyote.Specifications;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace Lab.Systematic.Coyote.Monitors;

/// <summary>
/// The lab's <c>BoundedBypassMonitor</c>s held by Coyote: hot while someone waits, and a safety assertion when a waiter
/// is overtaken more than the bound. Coyote cannot tell a blocked waiter from an enabled one its scheduler merely did not
/// run, so unlike the lab this counts every entry, on unfair iterations too (a PCT or delay-bounding prefix can starve
/// a correct turnstile: a false alarm the lab avoids by judging bypass on fair schedules only).
/// </summary>
internal sealed class BypassMonitor : CoyoteMonitor
{
    /// <summary>Opens every assertion message, so the report maps to Starvation.</summary>
    internal const string MessagePrefix = "bounded bypass: ";

    private readonly Dictionary<(object Monitor, int Thread), (int Count, string Name, string? Side)> _bypasses = [];

    [Start]
    [Cold]
    [OnEventDoAction(typeof(BypassEvent), nameof(OnBypassEvent))]
    private sealed class NobodyWaits : State
    {
    }

    [Hot]
    [OnEventDoAction(typeof(BypassEvent), nameof(OnBypassEvent))]
    private sealed class SomeoneWaitsToEnter : State
    {
    }

    private void OnBypassEvent(Event e)
    {
        var bypass = (BypassEvent)e;
        if (!bypass.Entered)
        {
            _bypasses.TryAdd((bypass.Monitor, bypass.Thread), (0, bypass.ThreadName, bypass.Side));
        }
        else
        {
            _bypasses.Remove((bypass.Monitor, bypass.Thread));
            foreach ((object Monitor, int Thread) waiter in _bypasses.Keys.Where(k => ReferenceEquals(k.Monitor, bypass.Monitor)).ToList())
            {
                (int count, string name, string? side) = _bypasses[waiter];
                if (bypass.Side is not null && side == bypass.Side) continue;
                _bypasses[waiter] = (++count, name, side);
                Assert(count <= bypass.Bound, "{0}", $"{MessagePrefix}{name} waited to enter '{bypass.Section}' while others entered {count} times (bound {bypass.Bound}), the last time {bypass.ThreadName}");
            }
        }
        bool hot = CurrentState == typeof(SomeoneWaitsToEnter);
        if (_bypasses.Count > 0 && !hot) RaiseGotoStateEvent<SomeoneWaitsToEnter>();
        else if (_bypasses.Count == 0 && hot) RaiseGotoStateEvent<NobodyWaits>();
    }
}
