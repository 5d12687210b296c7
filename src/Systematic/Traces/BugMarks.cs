using System.Text.RegularExpressions;
using Lab.Systematic.Detection;

namespace Lab.Systematic.Traces;

/// <summary>Which steps a bug is about (the racing accesses, the blocked steps, the failing step) and what to show first.</summary>
internal static partial class BugMarks
{
    /// <summary>The two accesses of a data race, found from the locations the report names.</summary>
    public static RaceLink? Race(ScheduleTrace trace)
    {
        if (trace.Bug is not { Kind: BugKind.DataRace } bug) return null;
        var accesses = RaceAccess().Matches(bug.Message).Select(m => (Op: IndexOf(trace, m.Groups["op"].Value), At: m.Groups["at"].Value)).ToList();
        if (accesses.Count != 2) return null;
        int second = LastIndex(trace, trace.Steps.Count, i => trace.Steps[i].Operation == accesses[1].Op && trace.Steps[i].Location == accesses[1].At);
        if (second < 0) return null;
        int first = LastIndex(trace, second, i => trace.Steps[i].Operation == accesses[0].Op && trace.Steps[i].Location == accesses[0].At);
        if (first < 0) return null;
        Match variable = RaceVariable().Match(bug.Message);
        return new RaceLink(variable.Success ? variable.Groups["name"].Value : "", first, second);
    }

    /// <summary>The steps the bug is about: the racing accesses, the last blocked step of each deadlocked lane, or the failing lane's last step.</summary>
    public static HashSet<int> HighlightedSteps(ScheduleTrace trace, IReadOnlyList<StepText> texts, RaceLink? race)
    {
        var steps = new HashSet<int>();
        if (trace.Bug is not { } bug || trace.Steps.Count == 0) return steps;
        if (race is not null) return [race.First, race.Second];
        if (bug.Kind == BugKind.DataRace) return steps;
        if (bug.Kind == BugKind.Deadlock)
        {
            for (int op = 0; op < trace.Operations.Count; op++)
            {
                int last = LastIndex(trace, trace.Steps.Count, i => trace.Steps[i].Operation == op);
                if (last >= 0 && (texts[last].Blocks || texts[last] is { Action: "Wait", Outcome: "" })) steps.Add(last);
            }
            return steps;
        }
        if (bug.Kind is BugKind.Livelock or BugKind.Starvation) return steps;
        int failing = bug.Operation is null ? -1 : IndexOf(trace, bug.Operation);
        int index = LastIndex(trace, trace.Steps.Count, i => failing < 0 || trace.Steps[i].Operation == failing);
        if (index >= 0) steps.Add(index);
        return steps;
    }

    /// <summary>
    /// The steps to have in view when the page opens: both racing accesses, the deadlock's blocked steps to the
    /// end, the first rounds of a repeating schedule, or the failing step; the whole schedule when short.
    /// </summary>
    public static StepRange Focus(int count, HashSet<int> highlighted, RaceLink? race, RepeatingSpan? repeating)
    {
        int last = Math.Max(0, count - 1);
        if (race is not null) return new StepRange(race.First, race.Second);
        if (repeating is not null) return new StepRange(repeating.From, Math.Min(last, repeating.From + 2 * repeating.Period - 1));
        if (highlighted.Count > 0) return new StepRange(highlighted.Min(), last);
        return new StepRange(Math.Max(0, last - 40), last);
    }

    private static int IndexOf(ScheduleTrace trace, string name)
    {
        for (int i = 0; i < trace.Operations.Count; i++) if (trace.Operations[i] == name) return i;
        return -1;
    }

    /// <summary>The last step before <paramref name="before"/> that matches.</summary>
    private static int LastIndex(ScheduleTrace trace, int before, Func<int, bool> predicate)
    {
        for (int i = Math.Min(before, trace.Steps.Count) - 1; i >= 0; i--) if (predicate(i)) return i;
        return -1;
    }

    [GeneratedRegex(@"(?<op>\S+) (?:wrote|read|writes|reads) it at (?<at>\S+:\d+)")]
    private static partial Regex RaceAccess();

    [GeneratedRegex(@"data race on '(?<name>[^']+)'")]
    private static partial Regex RaceVariable();
}
