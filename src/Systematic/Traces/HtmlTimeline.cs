using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lab.Systematic.Traces;

/// <summary>
/// Writes a trace as one self-contained HTML page (inline CSS, script and SVG; no network, opens from the file
/// system): a lane per thread across the page's width, each step labelled with its operation, lock holds and waits
/// as bars named after their resource, a numbered step axis, the deadlock's wait-for arrows, the race's two accesses
/// linked, a liveness witness's repeating part marked, and the selected step's source line beside the schedule.
/// The keyboard steps through the schedule (arrow keys or j/k) like a debugger; long traces zoom and scroll, and open
/// on the failing part. The markup is well-formed XML, so tests can parse it too.
/// </summary>
public static class HtmlTimeline
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The default encoder escapes <, > and &, so the JSON is safe inside a script element and inside XML.
        Encoder = JavaScriptEncoder.Default,
    };

    private static readonly Lazy<string> Style = new(() => Resource("HtmlTimeline.css"));
    private static readonly Lazy<string> Script = new(() => Resource("HtmlTimeline.js"));

    /// <summary>The page for <paramref name="trace"/>; source lines are read now from the files the steps name, where they exist.</summary>
    public static string Render(ScheduleTrace trace, TimelinePageNotes? notes = null)
    {
        TimelineModel model = TimelineModel.From(trace);
        string back = notes?.BackLink is { } link ? $"<p class=\"back\"><a href=\"{Escape(link)}\">← {Escape(notes.BackText)}</a></p>" : "";
        string explained = notes is { Hazard: not null } or { Fix: not null }
            ? "<div class=\"notes\">" + Note("Why it fails", notes.Hazard) + Note("How the fix avoids it", notes.Fix) + "</div>"
            : "";
        string bug = model.BugKind is { } kind
            ? $"<p class=\"bug\"><strong>{kind}</strong>: {Escape(model.BugMessage ?? "")}</p>"
            : "<p class=\"bug none\">no failure recorded</p>";
        return $$"""
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>{{Escape(trace.TestName)}}: timeline</title>
            <style>
            {{Style.Value}}
            </style>
            </head>
            <body>
            {{back}}
            <h1>{{Escape(trace.TestName)}}</h1>
            <p class="summary">{{Escape(model.Summary)}}</p>
            {{bug}}
            {{explained}}
            <nav class="controls">
            <button id="prev" type="button" title="previous step (← or k)">◀ step</button>
            <button id="next" type="button" title="next step (→ or j)">step ▶</button>
            <button id="to-bug" type="button" title="show the failing part (b)">the bug</button>
            <button id="zoom-out" type="button" title="zoom out (-)">−</button>
            <button id="zoom-in" type="button" title="zoom in (+)">+</button>
            <button id="zoom-fit" type="button" title="fit the page width (0)">fit</button>
            <span class="keys"><kbd>←</kbd><kbd>→</kbd> or <kbd>k</kbd><kbd>j</kbd> step through the schedule · <kbd>Home</kbd><kbd>End</kbd> first, last · <kbd>+</kbd><kbd>−</kbd> zoom (or Ctrl+wheel) · <kbd>0</kbd> fit · <kbd>b</kbd> the bug · click a step</span>
            </nav>
            <canvas id="overview" hidden="hidden"></canvas>
            <div class="frame">
            <div class="names"><svg xmlns="http://www.w3.org/2000/svg" id="names" width="80" height="10"></svg></div>
            <div class="scroller" id="scroller" tabindex="0"><svg xmlns="http://www.w3.org/2000/svg" id="timeline" width="10" height="10"></svg><div id="callout" hidden="hidden"></div></div>
            </div>
            <p class="legend"><span><i style="background:#d2e3fc;border-color:#1a73e8"></i>lock</span><span><i style="background:#feefc3;border-color:#e37400"></i>shared memory</span><span><i style="background:#ceead6;border-color:#188038"></i>signal</span><span><i style="background:#e8eaed;border-color:#80868b"></i>thread</span><span><i style="background:#f3e8fd;border-color:#9334e6"></i>monitor</span><span><i style="background:#f6aea9;border-color:#c5221f"></i>blocks</span><span><i style="background:#aecbfa;border-color:#1a73e8"></i>lock held</span><span><i style="background:#fad2cf;border-color:#d93025;border-style:dashed"></i>waiting</span><span><i style="border:2.5px solid #000"></i>the bug</span></p>
            <section class="detail">
            <div class="panel"><h2>Selected step</h2><div id="step-title">No step selected: press → or click a step.</div><div id="step-where"></div><ul id="threads"></ul></div>
            <div class="panel"><h2>Source</h2><div id="source-file"></div><pre id="source"></pre></div>
            </section>
            <details class="table"><summary>The schedule as a table (also readable without script)</summary><pre>{{Escape(TraceRenderer.Render(trace))}}</pre></details>
            <pre id="selftest-result"></pre>
            <script type="application/json" id="timeline-data">{{JsonSerializer.Serialize(model, Json)}}</script>
            <script>/*<![CDATA[*/
            {{Script.Value}}
            /*]]>*/</script>
            </body>
            </html>

            """;
    }

    /// <summary>Writes the page atomically and returns its full path.</summary>
    public static string Save(ScheduleTrace trace, string path, TimelinePageNotes? notes = null) => AtomicFile.WriteAllText(path, Render(trace, notes));

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Note(string heading, string? text) =>
        text is null ? "" : $"<div><strong>{Escape(heading)}:</strong> {Escape(text.ReplaceLineEndings(" "))}</div>";

    private static string Resource(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Lab.Systematic.Traces.{name}")
            ?? throw new InvalidOperationException($"the page part {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
