using System.CommandLine;
using System.Diagnostics;
using Lab.Cli.Scenarios;
using Lab.Cli.Terminal;
using Lab.Cli.Tour;
using Lab.Scenarios;
using Lab.Systematic.Testing;
using Spectre.Console;

namespace Lab.Cli.Commands;

/// <summary>
/// <c>lab tour</c>: the lab in one command. Explores every scenario (the bug it finds, in how many iterations and how
/// long; that the fix passes), replays one trace end to end, and ends with a summary table and a one-line total.
/// Exit code 0 when every scenario behaved as documented, 3 otherwise.
/// </summary>
public static class TourCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var only = new Option<string[]>("--only") { Description = "Tour only these scenario ids (default: all).", AllowMultipleArgumentsPerToken = true };
        var traceDirectory = new Option<string?>("--trace-dir") { Description = "Where the tour writes its traces (default: lab-traces/tour in the temp folder)." };
        var html = new Option<string?>("--html") { Description = "Also write the tour as pages to hand out into this folder: index.html (every scenario, its bug and its fix) and one timeline per bug." };
        var command = new Command("tour", "Explore every scenario, show each bug and that each fix passes, replay one trace, and summarise.") { only, traceDirectory, html };
        CommandAction.Set(command, console, parse =>
        {
            string[] ids = parse.GetValue(only) ?? [];
            IReadOnlyList<IScenario> scenarios = ids.Length == 0 ? ScenarioCatalog.All : ids.Select(id => ScenarioLookup.Resolve(id)).Distinct().ToList();
            string directory = Path.GetFullPath(parse.GetValue(traceDirectory) ?? Path.Combine(Path.GetTempPath(), "lab-traces", "tour"));
            string? report = parse.GetValue(html) is { } folder ? TourReportFolder.Prepare(folder) : null;
            return Run(console, scenarios, directory, report);
        });
        return command;
    }

    /// <summary>Runs the tour over <paramref name="scenarios"/>, writing the report pages into <paramref name="htmlFolder"/> if given; returns the exit code.</summary>
    public static int Run(LabConsole console, IReadOnlyList<IScenario> scenarios, string traceDirectory, string? htmlFolder = null)
    {
        var clock = Stopwatch.StartNew();
        console.Line($"Touring {scenarios.Count} scenarios: each buggy variant explored until its bug, each fix explored under the same budget.");
        console.Line();
        var checks = new List<ScenarioCheck>();
        foreach (ScenarioCheck check in TourRunner.CheckAll(scenarios, traceDirectory))
        {
            checks.Add(check);
            PrintCheck(console, check, checks.Count, scenarios.Count);
        }
        bool replayOk = PrintReplay(console, checks);
        console.Out.Write(SummaryTable(checks));
        int bugs = checks.Count(c => c.BugFound), fixes = checks.Count(c => c.FixVerified);
        bool documented = checks.All(c => c.AsDocumented);
        console.Line($"Elapsed: {clock.Elapsed.TotalSeconds:0.0} s");
        string finalLine = FinalLine(checks.Count, bugs, fixes, replayOk);
        if (htmlFolder is not null) console.Line($"report: {TourReport.Write(htmlFolder, checks, finalLine, clock.Elapsed)}");
        console.Line(finalLine);
        return documented && replayOk ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    /// <summary>The tour's last line, the one to check at a glance.</summary>
    public static string FinalLine(int scenarios, int bugs, int fixes, bool replayOk) =>
        $"tour: {scenarios} scenarios, {bugs} bugs found, {fixes} fixes verified, replay {(replayOk ? "ok" : "FAILED")}";

    private static void PrintCheck(LabConsole console, ScenarioCheck check, int index, int total)
    {
        IScenario scenario = check.Scenario;
        console.Line($"[{index}/{total}] {scenario.Id}: {scenario.Title}");
        if (check.Buggy is { } buggy)
        {
            string found = buggy.Bug is { } bug
                ? $"{bug.Kind} in iteration {buggy.BugIteration} ({buggy.Iterations} iterations, {buggy.Elapsed.TotalMilliseconds:0} ms): {bug.Message}"
                : $"NOT FOUND in {buggy.Iterations} iterations (expected {scenario.ExpectedBug})";
            console.Line($"    bug: {found}");
        }
        else if (check.BuggyStress is { } stress)
        {
            console.Line($"    bug: stress-only, {stress.Summary}");
        }
        if (check.Fixed is { } fixedReport)
        {
            TestReport? dfs = check.FixedDfs;
            console.Line((fixedReport.Bug ?? dfs?.Bug) is { } bug
                ? $"    fix: FAILS with {bug.Kind}: {bug.Message}"
                : $"    fix: no bug in {fixedReport.Iterations} portfolio iterations ({fixedReport.DistinctSchedules} distinct schedules) and " +
                  $"{check.DfsText} ({(fixedReport.Elapsed + (dfs?.Elapsed ?? TimeSpan.Zero)).TotalMilliseconds:0} ms)");
        }
        else if (check.FixedStress is { } stress)
        {
            console.Line($"    fix: {stress.Summary}");
        }
    }

    private static bool PrintReplay(LabConsole console, IReadOnlyList<ScenarioCheck> checks)
    {
        ScenarioCheck? chosen = checks.FirstOrDefault(c => c.Buggy?.TracePath is not null);
        console.Line();
        if (chosen is null)
        {
            console.Line("replay: no trace was recorded, nothing to replay");
            return false;
        }
        TestReport recorded = chosen.Buggy!;
        console.Line($"Replaying the trace of {recorded.TestName} end to end: {recorded.TracePath}");
        TestReport replay = TourRunner.Replay(chosen);
        bool same = replay.Bug?.Kind == recorded.Bug?.Kind;
        console.Line(replay.Describe(ReportView.EdgeRows));
        console.Line(same
            ? $"replay: the same {replay.Bug!.Kind} again, step for step; the replay command above reproduces it"
            : $"replay: FAILED, recorded {recorded.Bug?.Kind}, replay gave {replay.Bug?.ToString() ?? "no bug"}");
        console.Line();
        return same;
    }

    private static Table SummaryTable(IReadOnlyList<ScenarioCheck> checks)
    {
        var table = new Table().AddColumns("Scenario", "Expected", "Found", "Iterations", "Time", "Fix");
        foreach (ScenarioCheck check in checks)
        {
            string iterations = check.Buggy is { } buggy ? buggy.Iterations.ToString() : "-";
            table.AddRow(
                new Text(check.Scenario.Id), new Text(check.Scenario.ExpectedBug.ToString()), new Text(check.FoundText),
                new Text(iterations), new Text($"{check.Elapsed.TotalSeconds:0.00} s"), new Text(check.FixText));
        }
        return table;
    }
}
