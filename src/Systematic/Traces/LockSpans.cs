namespace Lab.Systematic.Traces;

/// <summary>
/// Follows each lane's steps to find what it holds and what it waits for, over which steps: a lock is held from its
/// Enter to the matching Exit (re-entry counted; a Monitor-style Wait lets go until it returns), and a blocked step
/// waits until just before the lane's next step. These are the bars a student reads "P0 holds fork0, waits for fork1" from.
/// </summary>
internal static class LockSpans
{
    /// <summary>The hold and wait bars of every lane, each labelled with its resource.</summary>
    public static IReadOnlyList<TimelineBar> Find(ScheduleTrace trace, IReadOnlyList<StepText> texts)
    {
        var bars = new List<TimelineBar>();
        for (int lane = 0; lane < trace.Operations.Count; lane++) bars.AddRange(ForLane(trace, texts, lane));
        return bars.OrderBy(b => b.From).ThenBy(b => b.Lane).ToList();
    }

    private static List<TimelineBar> ForLane(ScheduleTrace trace, IReadOnlyList<StepText> texts, int lane)
    {
        var bars = new List<TimelineBar>();
        int last = trace.Steps.Count - 1;
        bool deadlock = trace.Bug?.Kind == Detection.BugKind.Deadlock;
        var held = new Dictionary<string, (int From, int Depth)>();
        var released = new Dictionary<string, int>();
        (int From, string Resource, bool Pulse)? waiting = null;
        for (int i = 0; i <= last; i++)
        {
            if (trace.Steps[i].Operation != lane) continue;
            StepText text = texts[i];
            if (waiting is { } wait && !wait.Pulse)
            {
                bars.Add(Wait(lane, wait.From, Math.Max(wait.From, i - 1), wait.Resource, open: false, deadlock));
                waiting = null;
            }
            string resource = text.Resource;
            switch (text.Action)
            {
                case "Enter" or "TryEnter" or "EnterReadLock" or "EnterWriteLock" or "TryEnterReadLock" or "TryEnterWriteLock" or "EnterUpgradeableReadLock"
                    when text.Outcome.Length == 0 && resource.Length > 0:
                    held[resource] = held.TryGetValue(resource, out var h) ? (h.From, h.Depth + 1) : (i, 1);
                    break;
                case "Exit" or "ExitReadLock" or "ExitWriteLock" or "ExitUpgradeableReadLock" when held.TryGetValue(resource, out var hold):
                    if (hold.Depth > 1) held[resource] = (hold.From, hold.Depth - 1);
                    else
                    {
                        held.Remove(resource);
                        bars.Add(Hold(lane, hold.From, i, resource, open: false));
                    }
                    break;
                case "Wait" when text.Outcome.Length == 0 && held.TryGetValue(resource, out var monitor):
                    // Monitor-style wait: the lock is let go here and taken back when the wait returns.
                    held.Remove(resource);
                    bars.Add(Hold(lane, monitor.From, i, resource, open: false));
                    released[resource] = monitor.Depth;
                    waiting = (i, resource, true);
                    break;
                case "Wait" when text.Outcome is "returned" or "timed out" && waiting is { Pulse: true } pulse && pulse.Resource == resource:
                    bars.Add(new TimelineBar(lane, "wait", resource, pulse.From, Math.Max(pulse.From, i - 1), false, $"waits for a Pulse of {resource}"));
                    held[resource] = (i, released.Remove(resource, out int depth) ? depth : 1);
                    waiting = null;
                    break;
            }
            if (text.Blocks) waiting = (i, resource, false);
        }
        if (waiting is { } open)
        {
            bars.Add(open.Pulse
                ? new TimelineBar(lane, "wait", open.Resource, open.From, last, true, $"waits for a Pulse of {open.Resource}" + (deadlock ? " forever" : ""))
                : Wait(lane, open.From, last, open.Resource, open: true, deadlock));
        }
        foreach ((string resource, (int from, _)) in held) bars.Add(Hold(lane, from, last, resource, open: true));
        return bars;
    }

    private static TimelineBar Hold(int lane, int from, int to, string resource, bool open) =>
        new(lane, "hold", resource, from, to, open, $"holds {resource}");

    private static TimelineBar Wait(int lane, int from, int to, string resource, bool open, bool deadlock) =>
        new(lane, "wait", resource, from, to, open, $"waits for {resource}" + (open && deadlock ? " forever" : ""));
}
