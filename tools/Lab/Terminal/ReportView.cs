using Lab.Scenarios;
using Lab.Systematic.Testing;

namespace Lab.Cli.Terminal;

/// <summary>Prints exploration and replay reports the same way in every command, so users learn one layout.</summary>
public static class ReportView
{
    /// <summary>Rows kept at each end of a long interleaving unless every step is asked for.</summary>
    public const int EdgeRows = 30;

    /// <summary>Prints an exploration's outcome, with the scenario's explanation when the bug found is the documented one.</summary>
    public static void Exploration(LabConsole console, IScenario scenario, Variant variant, TestReport report, bool allSteps)
    {
        if (report.Bug is not { } bug)
        {
            console.Line(report.Summary);
            console.Line(variant == Variant.Buggy
                ? "No bug found in this budget. The buggy variant does fail: try more --iterations, another --seed or --strategy."
                : "No bug found: the fix held on every explored schedule.");
            return;
        }
        console.Line($"BUG FOUND: {bug.Kind}");
        console.Line(report.Describe(allSteps ? 0 : EdgeRows));
        if (variant == Variant.Buggy && bug.Kind == scenario.ExpectedBug)
        {
            console.Line("Why it fails:");
            console.Line(Indent(scenario.BugExplanation));
            console.Line("How the fix avoids it:");
            console.Line(Indent(scenario.FixExplanation));
        }
    }

    /// <summary>Indents every line of <paramref name="text"/> by two spaces.</summary>
    public static string Indent(string text) => string.Join(Environment.NewLine, text.Split('\n').Select(line => "  " + line.TrimEnd('\r')));
}
