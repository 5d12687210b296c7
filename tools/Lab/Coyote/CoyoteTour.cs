extern alias coyote;
using coyote::Lab.Scenarios.Coyote;
using Lab.Cli.Terminal;
using Lab.Cli.Tour;
using Lab.Scenarios;
using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Coyote.Traces;
using Spectre.Console;

namespace Lab.Cli.Coyote;

/// <summary>
/// The tour's Coyote part: each systematic scenario's Coyote-rewritten copy under its stated Coyote configuration (the
/// buggy variant until its bug, the fix for <see cref="FixedIterations"/> iterations), one trace replayed, and the tables.
/// One scenario at a time: Coyote keeps process-wide state.
/// </summary>
public static class CoyoteTour
{
    /// <summary>Iterations the tour runs each fix under Coyote.</summary>
    public const int FixedIterations = 100;

    /// <summary>Checks the systematic ones among <paramref name="scenarios"/>, in order, yielding each as it completes.</summary>
    public static IEnumerable<CoyoteCheck> CheckAll(IReadOnlyList<IScenario> scenarios, string traceDirectory)
    {
        foreach (IScenario scenario in scenarios.Where(s => s.IsSystematic))
        {
            CoyoteExpectation expectation = CoyoteExpectations.For(scenario.Id);
            CoyoteOptions options = expectation.Options.WithTraceDirectory(traceDirectory);
            yield return new CoyoteCheck
            {
                Scenario = scenario,
                Expectation = expectation,
                Buggy = CoyoteScenarios.Explore(scenario.Id, buggy: true, options),
                Fixed = CoyoteScenarios.Explore(scenario.Id, buggy: false, options.WithIterations(FixedIterations)),
            };
        }
    }

    /// <summary>Prints one check as the lab's tour prints its own.</summary>
    public static void Print(LabConsole console, CoyoteCheck check, int index, int total)
    {
        console.Line($"[{index}/{total}] {check.Scenario.Id} under Coyote ({check.Expectation.Options.Describe()})");
        console.Line($"    bug: {check.FoundText}{(check.Buggy.Bug is { } bug ? $": {bug.Message}" : "")}");
        console.Line($"    fix: {check.FixText}");
        if (check.Expectation.Note.Length > 0) console.Line($"    note: {check.Expectation.Note}");
    }

    /// <summary>Replays the first recorded Coyote trace with Coyote; true when the same bug came back.</summary>
    public static bool PrintReplay(LabConsole console, IReadOnlyList<CoyoteCheck> checks)
    {
        CoyoteCheck? chosen = checks.FirstOrDefault(c => c.Buggy.TracePath is not null);
        console.Line();
        if (chosen is null)
        {
            console.Line("coyote replay: no trace was recorded, nothing to replay");
            return false;
        }
        CoyoteTrace trace = CoyoteTraceFile.Load(chosen.Buggy.TracePath!);
        console.Line($"Replaying the Coyote trace of {trace.TestName} with Coyote: {chosen.Buggy.TracePath}");
        CoyoteReport replay = CoyoteExplorer.Replay(trace, CoyoteScenarios.Harness(chosen.Scenario.Id, buggy: true));
        bool same = CoyoteExplorer.Reproduces(replay, trace);
        console.Line(same
            ? $"coyote replay: the same {trace.Kind} again: {trace.Message}"
            : $"coyote replay: FAILED, recorded {trace.Kind}, replay gave {replay.Bug?.ToString() ?? "no bug"}");
        console.Line();
        return same;
    }

    /// <summary>The Coyote-only summary table.</summary>
    public static Table Table(IReadOnlyList<CoyoteCheck> checks)
    {
        var table = new Table().AddColumns("Scenario", "Lab expects", "Coyote found", "Coyote fix");
        foreach (CoyoteCheck check in checks)
        {
            table.AddRow(new Text(check.Scenario.Id), new Text(check.Scenario.ExpectedBug.ToString()), new Text(check.FoundText), new Text(check.FixText));
        }
        return table;
    }

    /// <summary>The side-by-side table: a bug and a fix column per engine.</summary>
    public static Table SideBySide(IReadOnlyList<ScenarioCheck> lab, IReadOnlyList<CoyoteCheck> coyote)
    {
        var table = new Table().AddColumns("Scenario", "Expected", "Lab found", "Lab fix", "Coyote found", "Coyote fix");
        foreach (ScenarioCheck check in lab)
        {
            CoyoteCheck? other = coyote.FirstOrDefault(c => c.Scenario.Id == check.Scenario.Id);
            table.AddRow(
                new Text(check.Scenario.Id), new Text(check.Scenario.IsSystematic ? check.Scenario.ExpectedBug.ToString() : "stress only"),
                new Text(check.FoundText), new Text(check.FixText),
                new Text(other?.FoundText ?? "-"), new Text(other?.FixText ?? "-"));
        }
        return table;
    }

    /// <summary>The Coyote part's last line.</summary>
    public static string FinalLine(IReadOnlyList<CoyoteCheck> checks, bool replayOk) =>
        $"coyote: {checks.Count} scenarios, {checks.Count(c => c.Buggy.Bug is not null)} bugs found, {checks.Count(c => c.Buggy.Bug is null)} missed, " +
        $"{checks.Count(c => c.Fixed.Bug is null)} fixes pass, {checks.Count(c => c.AsDocumented)}/{checks.Count} as documented, replay {(replayOk ? "ok" : "FAILED")}";
}
