using System.Text.RegularExpressions;
using Lab.Systematic.Detection;

namespace Lab.Systematic.Traces;

/// <summary>
/// The wait-for graph of a deadlock, as arrows from each waiter to the thread holding what it waits for. Read from
/// the engine's own deadlock report ("P0 holds fork0 and waits for fork1 (held by P1)"), which knows the holders at
/// the moment of the deadlock; when a clause does not read that way, the bars of the trace stand in for it.
/// </summary>
internal static partial class WaitForGraph
{
    /// <summary>The operations named in the report's cycle ("P0 → P1 → P0 wait for each other"), or none.</summary>
    public static HashSet<string> CycleOf(BugReport? bug)
    {
        if (bug is not { Kind: BugKind.Deadlock }) return [];
        Match cycle = CycleHead().Match(bug.Message);
        return cycle.Success ? cycle.Groups["names"].Value.Split(" → ").ToHashSet() : [];
    }

    /// <summary>One arrow per (waiter, holder) pair; in-cycle arrows first.</summary>
    public static IReadOnlyList<WaitForEdge> Edges(ScheduleTrace trace, IReadOnlyList<TimelineBar> bars, HashSet<string> cycle)
    {
        if (trace.Bug is not { Kind: BugKind.Deadlock } bug) return [];
        var lanes = new Dictionary<string, int>();
        for (int i = 0; i < trace.Operations.Count; i++) lanes[trace.Operations[i]] = i;
        var edges = new List<WaitForEdge>();
        var explained = new HashSet<int>();
        foreach (Match clause in Clause().Matches(bug.Message))
        {
            if (!lanes.TryGetValue(clause.Groups["op"].Value, out int waiter)) continue;
            string resource = clause.Groups["resource"].Value;
            string state = clause.Groups["state"].Value;
            explained.Add(waiter);
            foreach (int holder in Holders(resource, state, lanes).Where(h => h != waiter))
            {
                bool inCycle = cycle.Contains(trace.Operations[waiter]) && cycle.Contains(trace.Operations[holder]);
                edges.Add(new WaitForEdge(waiter, holder, resource, inCycle, clause.Value));
            }
        }
        // Waits the report did not explain: the holder is whoever holds the same resource at the end.
        foreach (TimelineBar wait in bars.Where(b => b is { Kind: "wait", Open: true } && !explained.Contains(b.Lane)))
        {
            foreach (TimelineBar hold in bars.Where(b => b is { Kind: "hold", Open: true } && b.Resource == wait.Resource && b.Lane != wait.Lane))
            {
                bool inCycle = cycle.Contains(trace.Operations[wait.Lane]) && cycle.Contains(trace.Operations[hold.Lane]);
                edges.Add(new WaitForEdge(wait.Lane, hold.Lane, wait.Resource, inCycle,
                    $"{trace.Operations[wait.Lane]} waits for {wait.Resource}, held by {trace.Operations[hold.Lane]}"));
            }
        }
        return edges.OrderByDescending(e => e.InCycle).ThenBy(e => e.Waiter).ToList();
    }

    /// <summary>Who the state names as holding <paramref name="resource"/>: "held by P1", "read-held by a, b", or the thread itself for a join.</summary>
    private static IEnumerable<int> Holders(string resource, string state, Dictionary<string, int> lanes)
    {
        if (state == "to finish" && lanes.TryGetValue(resource, out int thread)) return [thread];
        Match held = HeldBy().Match(state);
        if (!held.Success) return [];
        return held.Groups["names"].Value.Split(", ").Select(n => lanes.TryGetValue(n.Trim(), out int lane) ? lane : -1).Where(l => l >= 0).ToList();
    }

    [GeneratedRegex(@"^(?<names>\S+(?: → \S+)+) wait for each other")]
    private static partial Regex CycleHead();

    /// <summary>"P0 holds fork0 and waits for fork1 (held by P1)", clauses separated by "; ", the last ending in ".".</summary>
    [GeneratedRegex(@"(?:^|\. |; )(?<op>[^\s;]+) holds (?:nothing|.+?) and waits for (?<resource>[^;(]+?)(?: \((?<state>[^;]*?)\))?(?=; |\.$)")]
    private static partial Regex Clause();

    [GeneratedRegex(@"held by (?<names>.+?)(?:, which .*)?$")]
    private static partial Regex HeldBy();
}
