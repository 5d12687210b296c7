using System.Globalization;
using System.Net;
using System.Text;
using Lab.Scenarios;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Cli.Tour;

/// <summary>
/// The tour as pages to hand out: an index of every scenario (the hazard, what the engine reported, iterations and
/// time, the fix and how it was verified) linking one timeline per bug found. Every file is self-contained (inline
/// CSS, no script on the index, no network) and the links are relative, so the folder opens from the file system.
/// </summary>
public static class TourReport
{
    /// <summary>The index's file name inside the report folder.</summary>
    public const string IndexName = "index.html";

    /// <summary>Writes the index and the timelines into <paramref name="folder"/>; returns the index's full path.</summary>
    public static string Write(string folder, IReadOnlyList<ScenarioCheck> checks, string finalLine, TimeSpan elapsed)
    {
        var timelines = new Dictionary<string, string>();
        foreach (ScenarioCheck check in checks)
        {
            if (check.Buggy?.Trace is not { } trace) continue;
            string name = TimelineFileName(check.Scenario);
            var notes = new TimelinePageNotes(check.Scenario.BugExplanation, check.Scenario.FixExplanation, IndexName, "the tour: every scenario");
            HtmlTimeline.Save(trace, Path.Combine(folder, name), notes);
            timelines[check.Scenario.Id] = name;
        }
        return AtomicFile.WriteAllText(Path.Combine(folder, IndexName), Index(checks, timelines, finalLine, elapsed));
    }

    /// <summary>The timeline's file name for a scenario: its id with the family's slash turned into "--".</summary>
    public static string TimelineFileName(IScenario scenario) => scenario.Id.Replace("/", "--", StringComparison.Ordinal) + ".html";

    private static string Index(IReadOnlyList<ScenarioCheck> checks, Dictionary<string, string> timelines, string finalLine, TimeSpan elapsed)
    {
        var rows = new StringBuilder();
        var cards = new StringBuilder();
        foreach (ScenarioCheck check in checks)
        {
            IScenario scenario = check.Scenario;
            string anchor = Anchor(scenario);
            string? timeline = timelines.GetValueOrDefault(scenario.Id);
            string status = check.AsDocumented ? "ok" : "failed";
            string iterations = check.Buggy is { } b ? b.Iterations.ToString(CultureInfo.InvariantCulture) : "–";
            string timelineCell = timeline is null ? "–" : $"<a href=\"{Escape(timeline)}\">timeline</a>";
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr class="{status}" data-scenario="{Escape(scenario.Id)}"><td><a href="#{anchor}">{Escape(scenario.Id)}</a></td><td>{scenario.ExpectedBug}</td><td>{Escape(check.FoundText)}</td><td class="num">{iterations}</td><td class="num">{check.Elapsed.TotalSeconds:0.00} s</td><td>{Escape(check.FixText)}</td><td>{timelineCell}</td></tr>

                """);
            cards.Append(Card(check, anchor, timeline, status));
        }
        return $$"""
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Concurrency Hazards Lab: the tour</title>
            <style>
            {{Style}}
            </style>
            </head>
            <body>
            <h1>Concurrency Hazards Lab: the tour</h1>
            <p class="lead">Every scenario's buggy variant explored until the engine found its bug, and its fix explored under the same budget plus a
            bounded DFS. Each bug links to its timeline: who ran when, who held which lock, who waited for whom, with the source line of every step.</p>
            <p class="total" id="total">{{Escape(finalLine)}} <span class="muted">({{elapsed.TotalSeconds:0.0}} s in all)</span></p>
            <table class="summary">
            <thead><tr><th>Scenario</th><th>Expected</th><th>Found</th><th>Iterations</th><th>Time</th><th>Fix verified</th><th>Timeline</th></tr></thead>
            <tbody>
            {{rows}}</tbody>
            </table>
            {{cards}}
            <p class="muted foot">Made by <code>lab tour --html</code>. Each timeline opens on the failing part; step through it with ← → (or k j).</p>
            </body>
            </html>

            """;
    }

    private static string Card(ScenarioCheck check, string anchor, string? timeline, string status)
    {
        IScenario scenario = check.Scenario;
        string reported, verified;
        if (check.Buggy is { } buggy)
        {
            reported = buggy.Bug is { } bug
                ? $"<strong>{bug.Kind}</strong> in iteration {buggy.BugIteration} of {buggy.Iterations} ({buggy.DistinctSchedules} distinct schedules, {buggy.Elapsed.TotalMilliseconds:0} ms, {buggy.Strategy}): {Escape(bug.Message)}"
                : $"<strong>not found</strong> in {buggy.Iterations} iterations (expected {scenario.ExpectedBug})";
        }
        else
        {
            reported = check.BuggyStress is { } stress ? $"stress-only (systematic exploration cannot show it): {Escape(stress.Summary)}" : "not run";
        }
        if (check.Fixed is { } fixedReport)
        {
            TestReport? dpor = check.FixedDpor;
            verified = (fixedReport.Bug ?? dpor?.Bug) is { } bug
                ? $"<strong>fails</strong> with {bug.Kind}: {Escape(bug.Message)}"
                : $"no bug in {fixedReport.Iterations} portfolio iterations ({fixedReport.DistinctSchedules} distinct schedules), and DPOR: {Escape(check.DporText)}" +
                  $", {(fixedReport.Elapsed + (dpor?.Elapsed ?? TimeSpan.Zero)).TotalMilliseconds:0} ms";
        }
        else
        {
            verified = check.FixedStress is { } stress ? Escape(stress.Summary) : "not run";
        }
        string link = timeline is null ? "" : $"<a class=\"open\" href=\"{Escape(timeline)}\">open the timeline →</a>";
        return $"""
            <section class="card {status}" id="{anchor}" data-scenario="{Escape(scenario.Id)}">
            <h2><span class="family">{Escape(ScenarioCatalog.IdPrefix(scenario.Family))}</span> {Escape(scenario.Title)} <span class="kind" title="the bug kind the engine is expected to report">{scenario.ExpectedBug}</span> <code>{Escape(scenario.Id)}</code>{link}</h2>
            <dl>
            <dt>Hazard</dt><dd>{Escape(scenario.BugExplanation.ReplaceLineEndings(" "))}</dd>
            <dt>Engine reported</dt><dd class="reported">{reported}</dd>
            <dt>Fix</dt><dd>{Escape(scenario.FixExplanation.ReplaceLineEndings(" "))}</dd>
            <dt>Verified</dt><dd class="verified">{verified}</dd>
            </dl>
            </section>

            """;
    }

    private static string Anchor(IScenario scenario) => scenario.Id.Replace('/', '-');

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1280px; padding: 18px 22px 40px; color: #202124; font-size: 14px; line-height: 1.45; }
        h1 { font-size: 24px; margin: 0 0 6px; }
        .lead { margin: 0 0 8px; color: #3c4043; }
        .total { font-weight: 700; font-size: 15px; margin: 0 0 14px; }
        .muted { color: #5f6368; font-weight: 400; }
        table.summary { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 22px; }
        table.summary th, table.summary td { border-bottom: 1px solid #e0e0e0; padding: 4px 8px; text-align: left; }
        table.summary th { background: #f1f3f4; position: sticky; top: 0; }
        table.summary td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.summary tr.failed td { background: #fdecea; }
        a { color: #1a73e8; text-decoration: none; }
        a:hover { text-decoration: underline; }
        .card { border: 1px solid #dadce0; border-left: 5px solid #188038; border-radius: 6px; padding: 10px 14px; margin: 0 0 12px; break-inside: avoid; }
        .card.failed { border-left-color: #d93025; }
        .card h2 { font-size: 16px; margin: 0 0 6px; }
        .card h2 code { font-size: 12.5px; color: #5f6368; font-weight: 400; margin-left: 6px; }
        .card .open { float: right; font-size: 13px; font-weight: 600; }
        .family { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; background: #e8f0fe; color: #174ea6; border-radius: 3px; padding: 1px 6px; margin-right: 4px; vertical-align: 2px; }
        .kind { font-size: 12px; font-weight: 700; color: #a50e0e; margin-left: 4px; }
        dl { display: grid; grid-template-columns: 9.5em 1fr; gap: 3px 12px; margin: 0; }
        dt { font-weight: 700; color: #5f6368; }
        dd { margin: 0; }
        dd.reported { color: #3c4043; }
        .foot { margin-top: 20px; font-size: 12.5px; }
        @media print { body { max-width: none; padding: 0; } table.summary th { position: static; } .card .open { display: none; } }
        """;
}
