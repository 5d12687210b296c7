using System.CommandLine;
using System.Diagnostics;
using Lab.Cli.Coyote;
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
        var engine = new Option<EngineChoice>("--engine") { Description = "lab (default), coyote, or both: a column per engine.", DefaultValueFactory = _ => EngineChoice.Lab };
        var command = new Command("tour", "Explore every scenario, show each bug and that each fix passes, replay one trace, and summarise.") { only, traceDirectory, html, engine };
        CommandAction.Set(command, console, parse =>
        {
            string[] ids = parse.GetValue(only) ?? [];
            IReadOnlyList<IScenario> scenarios = ids.Length == 0 ? ScenarioCatalog.All : ids.Select(id => ScenarioLookup.Resolve(id)).Distinct().ToList();
            string directory = Path.GetFullPath(parse.GetValue(traceDirectory) ?? Path.Combine(Path.GetTempPath(), "lab-traces", "tour"));
            EngineChoice chosen = parse.GetValue(engine);
            if (chosen != EngineChoice.Lab && parse.GetValue(html) is not null) throw new UsageException("--html pages show the lab's engine only: drop --engine or --html");
            string? report = parse.GetValue(html) is { } folder ? OutputPath.WritableDirectory(folder, "--html") : null;
            return chosen == EngineChoice.Lab ? Run(console, scenarios, directory, report) : RunWithCoyote(console, scenarios, directory, chosen == EngineChoice.Both);
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

    /// <summary>
    /// The tour under Coyote (<paramref name="alsoLab"/> false) or under both engines side by side; exit 0 only when each
    /// engine behaved as documented (the lab as the catalogue says, Coyote as CoyoteExpectations says) and each replay held.
    /// </summary>
    public static int RunWithCoyote(LabConsole console, IReadOnlyList<IScenario> scenarios, string traceDirectory, bool alsoLab)
    {
        var clock = Stopwatch.StartNew();
        var checks = new List<ScenarioCheck>();
        bool labReplay = true;
        if (alsoLab)
        {
            console.Line($"Touring {scenarios.Count} scenarios with the lab's engine, then with Microsoft Coyote 1.7.11.");
            console.Line();
            foreach (ScenarioCheck check in TourRunner.CheckAll(scenarios, traceDirectory))
            {
                checks.Add(check);
                PrintCheck(console, check, checks.Count, scenarios.Count);
            }
            labReplay = PrintReplay(console, checks);
        }
        int systematic = scenarios.Count(s => s.IsSystematic);
        console.Line($"Touring {systematic} systematic scenarios with Microsoft Coyote 1.7.11: the Coyote-rewritten copy, each with its stated " +
                     $"configuration; each fix for {CoyoteTour.FixedIterations} iterations.");
        console.Line();
        var coyoteChecks = new List<CoyoteCheck>();
        foreach (CoyoteCheck check in CoyoteTour.CheckAll(scenarios, traceDirectory))
        {
            coyoteChecks.Add(check);
            CoyoteTour.Print(console, check, coyoteChecks.Count, systematic);
        }
        bool coyoteReplay = CoyoteTour.PrintReplay(console, coyoteChecks);
        console.Out.Write(alsoLab ? CoyoteTour.SideBySide(checks, coyoteChecks) : CoyoteTour.Table(coyoteChecks));
        console.Line($"Elapsed: {clock.Elapsed.TotalSeconds:0.0} s");
        if (alsoLab)
        {
            console.Line(FinalLine(checks.Count, checks.Count(c => c.BugFound), checks.Count(c => c.FixVerified), labReplay));
        }
        console.Line(CoyoteTour.FinalLine(coyoteChecks, coyoteReplay));
        bool labOk = labReplay && checks.All(c => c.AsDocumented);
        return labOk && coyoteReplay && coyoteChecks.All(c => c.AsDocumented) ? ExitCodes.Success : ExitCodes.ExpectationFailed;
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
            TestReport? dpor = check.FixedDpor;
            console.Line((fixedReport.Bug ?? dpor?.Bug) is { } bug
                ? $"    fix: FAILS with {bug.Kind}: {bug.Message}"
                : $"    fix: ok, DPOR {check.DporText}, and no bug in {fixedReport.Iterations} portfolio iterations " +
                  $"({fixedReport.DistinctSchedules} distinct schedules) ({(fixedReport.Elapsed + (dpor?.Elapsed ?? TimeSpan.Zero)).TotalMilliseconds:0} ms)");
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
