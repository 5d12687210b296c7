extern alias coyote;
using coyote::Lab.Scenarios.Coyote;
using Lab.Scenarios;

namespace Lab.Hazards.Tests;

/// <summary>Test cases over the table of documented Coyote outcomes, named like the lab's own cases.</summary>
internal static class CoyoteCases
{
    /// <summary>The seeds a bug Coyote sees must be found with.</summary>
    public static readonly uint[] Seeds = [0, 1, 2, 3, 4];

    /// <summary>Iterations the fixed variant runs under Coyote.</summary>
    public const int FixedIterations = 100;

    public static IEnumerable<TestCaseData> Found() =>
        CoyoteExpectations.All.Where(e => e.Finds is not null).Select(e =>
            Case(e, $"{Name(e)}_Buggy_UnderCoyote_Finds{e.Finds}_ForEachOf{Seeds.Length}Seeds_AndTheTraceReplays"));

    public static IEnumerable<TestCaseData> Missed() =>
        CoyoteExpectations.All.Where(e => e.Finds is null && !e.BuggyEndsTheProcess).Select(e =>
            Case(e, $"{Name(e)}_Buggy_UnderCoyote_IsMissedAsDocumented_In{e.Options.Iterations}Iterations"));

    public static IEnumerable<TestCaseData> EndsTheProcess() =>
        CoyoteExpectations.All.Where(e => e.BuggyEndsTheProcess).Select(e =>
            Case(e, $"{Name(e)}_Buggy_UnderCoyote_IsNotRun_BecauseItWouldEndTheProcess"));

    public static IEnumerable<TestCaseData> Fixed() =>
        CoyoteExpectations.All.Select(e => Case(e, e.FixedFinds is { } alarm
            ? $"{Name(e)}_Fixed_UnderCoyote_Reports{alarm}AsDocumented"
            : $"{Name(e)}_Fixed_UnderCoyote_Passes{FixedIterations}Iterations"));

    public static string TraceDirectory(CoyoteExpectation expectation) =>
        Path.Combine(TestContext.CurrentContext.WorkDirectory, "hazard-traces", "coyote", expectation.ScenarioId.Replace('/', '-'));

    private static string Name(CoyoteExpectation expectation) => ScenarioCatalog.Find(expectation.ScenarioId).GetType().Name;

    private static TestCaseData Case(CoyoteExpectation expectation, string name) => new TestCaseData(expectation.ScenarioId).SetName(name);
}
