using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lab.Systematic.Detection;

namespace Lab.Systematic.Traces;

/// <summary>
/// Writes a trace as one self-contained HTML page (inline SVG and CSS, no scripts, no network): a swim-lane per
/// thread, each step placed in order with its source line on hover, lock holds and waits as bars, and the racing
/// accesses or the deadlock cycle highlighted. The markup is well-formed XML, so tests can parse it.
/// </summary>
public static partial class HtmlTimeline
{
    private const int LaneHeight = 44;
    private const int LabelWidth = 120;
    private const int Top = 30;

    /// <summary>The page for <paramref name="trace"/>.</summary>
    public static string Render(ScheduleTrace trace)
    {
        int count = trace.Steps.Count;
        double stepWidth = Math.Clamp(1400.0 / Math.Max(1, count), 3, 26);
        double width = LabelWidth + stepWidth * count + 20;
        int height = Top + LaneHeight * trace.Operations.Count + 10;
        HashSet<int> highlighted = HighlightedSteps(trace);
        HashSet<string> cycle = DeadlockCycle(trace);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0}\" height=\"{height}\" class=\"timeline\">");
        for (int lane = 0; lane < trace.Operations.Count; lane++)
        {
            string name = trace.Operations[lane];
            int y = Top + lane * LaneHeight;
            string laneClass = cycle.Contains(name) ? "lane in-cycle" : "lane";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{laneClass}\" data-operation=\"{Escape(name)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"lane-band\" x=\"0\" y=\"{y}\" width=\"{width:0}\" height=\"{LaneHeight - 4}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"lane-label\" x=\"6\" y=\"{y + LaneHeight / 2}\">{Escape(name)}</text>");
            foreach (Bar bar in Bars(trace, lane, count))
            {
                double x = LabelWidth + bar.From * stepWidth;
                double w = Math.Max(stepWidth, (bar.To - bar.From + 1) * stepWidth);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar {bar.Kind}\" x=\"{x:0.#}\" y=\"{y + 26}\" width=\"{w:0.#}\" height=\"8\"><title>{Escape(bar.Title)}</title></rect>");
            }
            svg.Append("</g>");
        }
        for (int i = 0; i < count; i++)
        {
            StepRecord step = trace.Steps[i];
            Parsed parsed = Parse(step.Describe());
            double x = LabelWidth + i * stepWidth;
            int y = Top + step.Operation * LaneHeight + 4;
            string category = parsed.Rest == "blocks" ? "blocked" : Category(parsed.Action);
            string classes = "step " + category + (highlighted.Contains(i) ? " highlight" : "");
            string title = $"step {i + 1}: {trace.Operations[step.Operation]} {step.Describe()}" + (step.Location.Length > 0 ? $" at {step.Location}" : "");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{classes}\" data-step=\"{i + 1}\" x=\"{x:0.#}\" y=\"{y}\" width=\"{Math.Max(2, stepWidth - 1):0.#}\" height=\"18\"><title>{Escape(title)}</title></rect>");
        }
        svg.Append("</svg>");
        return Page(trace, svg.ToString());
    }

    /// <summary>Writes the page atomically and returns its full path.</summary>
    public static string Save(ScheduleTrace trace, string path) => AtomicFile.WriteAllText(path, Render(trace));

    private static string Page(ScheduleTrace trace, string svg)
    {
        string bug = trace.Bug is { } b ? $"<p class=\"bug\"><strong>{b.Kind}</strong>: {Escape(b.Message)}</p>" : "<p class=\"bug none\">no failure recorded</p>";
        return $"""
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>{Escape(trace.TestName)}: timeline</title>
            <style>
            body {"{"} font-family: system-ui, sans-serif; margin: 16px; color: #222; {"}"}
            .bug {"{"} background: #fdecea; border-left: 4px solid #d93025; padding: 6px 10px; {"}"}
            .bug.none {"{"} background: #e6f4ea; border-color: #188038; {"}"}
            .scroll {"{"} overflow-x: auto; border: 1px solid #ddd; {"}"}
            .lane-band {"{"} fill: #f7f7f9; {"}"}
            .in-cycle .lane-band {"{"} fill: #fde2e1; {"}"}
            .lane-label {"{"} font-size: 13px; font-weight: 600; dominant-baseline: middle; {"}"}
            .step {"{"} fill: #9aa0a6; {"}"}
            .step.lock {"{"} fill: #1a73e8; {"}"}
            .step.memory {"{"} fill: #f29900; {"}"}
            .step.signal {"{"} fill: #188038; {"}"}
            .step.blocked {"{"} fill: #d93025; {"}"}
            .step.highlight {"{"} stroke: #000; stroke-width: 2.5; {"}"}
            .bar.hold {"{"} fill: #8ab4f8; {"}"}
            .bar.wait {"{"} fill: #f28b82; {"}"}
            .legend span {"{"} display: inline-block; margin-right: 14px; {"}"}
            .legend i {"{"} display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; {"}"}
            </style>
            </head>
            <body>
            <h1>{Escape(trace.TestName)}</h1>
            <p>strategy {Escape(trace.Strategy)}, seed {trace.Seed}, iteration {trace.Iteration}, {trace.Steps.Count} steps, {trace.Preemptions} preemptions. Hover a step for its source line.</p>
            {bug}
            <p class="legend"><span><i style="background:#1a73e8"></i>lock</span><span><i style="background:#f29900"></i>shared memory</span><span><i style="background:#188038"></i>signal</span><span><i style="background:#d93025"></i>blocked</span><span><i style="background:#8ab4f8"></i>lock held</span><span><i style="background:#f28b82"></i>waiting</span><span><i style="border:2px solid #000"></i>the bug</span></p>
            <div class="scroll">{svg}</div>
            </body>
            </html>

            """;
    }

    /// <summary>Lock holds (Enter to the matching Exit) and waits (a blocked step to the operation's next step).</summary>
    private static IEnumerable<Bar> Bars(ScheduleTrace trace, int operation, int count)
    {
        var held = new Dictionary<string, (int From, int Depth)>();
        int? blockedAt = null;
        string blockedOn = "";
        for (int i = 0; i < count; i++)
        {
            StepRecord step = trace.Steps[i];
            if (step.Operation != operation) continue;
            Parsed parsed = Parse(step.Describe());
            if (blockedAt is { } from)
            {
                yield return new Bar(from, i, "wait", $"{trace.Operations[operation]} waits for {blockedOn} (steps {from + 1}–{i + 1})");
                blockedAt = null;
            }
            if (parsed.Rest.Contains("blocks", StringComparison.Ordinal))
            {
                blockedAt = i;
                blockedOn = parsed.Resource;
            }
            else if (parsed.Action is "Enter" or "TryEnter" or "EnterWriteLock" or "EnterReadLock" && parsed.Rest.Length == 0 && parsed.Resource.Length > 0)
            {
                held[parsed.Resource] = held.TryGetValue(parsed.Resource, out var h) ? (h.From, h.Depth + 1) : (i, 1);
            }
            else if (parsed.Action is "Exit" or "ExitWriteLock" or "ExitReadLock" && held.TryGetValue(parsed.Resource, out var hold))
            {
                if (hold.Depth > 1) held[parsed.Resource] = (hold.From, hold.Depth - 1);
                else
                {
                    held.Remove(parsed.Resource);
                    yield return new Bar(hold.From, i, "hold", $"{trace.Operations[operation]} holds {parsed.Resource} (steps {hold.From + 1}–{i + 1})");
                }
            }
        }
        if (blockedAt is { } open) yield return new Bar(open, count - 1, "wait", $"{trace.Operations[operation]} waits for {blockedOn} forever");
        foreach ((string resource, (int from, _)) in held) yield return new Bar(from, count - 1, "hold", $"{trace.Operations[operation]} holds {resource} to the end");
    }

    /// <summary>The steps the bug is about: the two racing accesses, the blocked steps of a deadlock, or the failing thread's last step.</summary>
    private static HashSet<int> HighlightedSteps(ScheduleTrace trace)
    {
        var steps = new HashSet<int>();
        if (trace.Bug is not { } bug || trace.Steps.Count == 0) return steps;
        if (bug.Kind == BugKind.DataRace)
        {
            foreach (Match match in RaceAccess().Matches(bug.Message))
            {
                int op = IndexOf(trace, match.Groups["op"].Value);
                int last = LastIndex(trace, i => trace.Steps[i].Operation == op && trace.Steps[i].Location == match.Groups["at"].Value);
                if (last >= 0) steps.Add(last);
            }
            return steps;
        }
        if (bug.Kind == BugKind.Deadlock)
        {
            foreach (string name in trace.Operations)
            {
                int op = IndexOf(trace, name);
                int last = LastIndex(trace, i => trace.Steps[i].Operation == op);
                if (last >= 0 && trace.Steps[last].Describe().Contains("blocks", StringComparison.Ordinal)) steps.Add(last);
            }
            return steps;
        }
        int failing = bug.Operation is null ? -1 : IndexOf(trace, bug.Operation);
        int index = LastIndex(trace, i => failing < 0 || trace.Steps[i].Operation == failing);
        if (index >= 0) steps.Add(index);
        return steps;
    }

    private static HashSet<string> DeadlockCycle(ScheduleTrace trace)
    {
        if (trace.Bug is not { Kind: BugKind.Deadlock } bug) return [];
        Match cycle = CyclePrefix().Match(bug.Message);
        return cycle.Success ? cycle.Groups["names"].Value.Split(" → ").ToHashSet() : [];
    }

    private static int IndexOf(ScheduleTrace trace, string name)
    {
        for (int i = 0; i < trace.Operations.Count; i++) if (trace.Operations[i] == name) return i;
        return -1;
    }

    private static int LastIndex(ScheduleTrace trace, Func<int, bool> predicate)
    {
        for (int i = trace.Steps.Count - 1; i >= 0; i--) if (predicate(i)) return i;
        return -1;
    }

    private static string Category(string action) => action switch
    {
        "read" or "write" or "Interlocked.Increment" or "Interlocked.Decrement" or "Interlocked.Add" or "Interlocked.Exchange"
            or "Interlocked.CompareExchange" or "Volatile.Read" or "Volatile.Write" => "memory",
        "Enter" or "TryEnter" or "Exit" or "EnterReadLock" or "ExitReadLock" or "EnterWriteLock" or "ExitWriteLock" => "lock",
        "Wait" or "Pulse" or "PulseAll" or "Release" or "Set" or "Reset" or "WaitOne" or "Signal" or "SignalAndWait" or "passed" or "Join" => "signal",
        _ => "other",
    };

    private static Parsed Parse(string description)
    {
        Match match = StepText().Match(description);
        string rest = match.Groups["rest"].Value;
        return new Parsed(match.Groups["action"].Value, match.Groups["resource"].Value, rest.Trim()) is var parsed && description.Contains(" blocks", StringComparison.Ordinal)
            ? parsed with { Rest = "blocks" }
            : parsed;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^(?<action>[A-Za-z.]+)(?:\((?<resource>[^)]*)\)| (?<resource>\S+))?(?<rest>.*)$")]
    private static partial Regex StepText();

    [GeneratedRegex(@"(?<op>\S+) (?:wrote|read|writes|reads) it at (?<at>\S+:\d+)")]
    private static partial Regex RaceAccess();

    [GeneratedRegex(@"^(?<names>\S+(?: → \S+)+) wait for each other")]
    private static partial Regex CyclePrefix();

    private readonly record struct Bar(int From, int To, string Kind, string Title);

    private readonly record struct Parsed(string Action, string Resource, string Rest);
}
