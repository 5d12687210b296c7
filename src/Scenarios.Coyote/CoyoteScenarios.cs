using Lab.Systematic.Coyote.Testing;

namespace Lab.Scenarios.Coyote;

/// <summary>
/// The facade of the Coyote copy of the scenarios: harnesses of this (Coyote-rewritten) assembly, looked up by id, and
/// what Coyote is documented to do with each. Its signatures use no scenario type, so a project that also references
/// the lab's copy reaches it through an extern alias without clashing names.
/// </summary>
public static class CoyoteScenarios
{
    /// <summary>Whether this assembly was Coyote-rewritten (if not, Coyote would run it uncontrolled and see nothing).</summary>
    public static bool IsRewritten => CoyoteExplorer.IsRewritten(typeof(CoyoteScenarios).Assembly);

    /// <summary>The ids of the scenarios Coyote can be pointed at (every systematic one), in catalogue order.</summary>
    public static IReadOnlyList<string> Ids { get; } = ScenarioCatalog.All.Where(s => s.IsSystematic).Select(s => s.Id).ToArray();

    /// <summary>The harness of <paramref name="scenarioId"/> over its buggy or fixed implementation, from this assembly.</summary>
    public static Action Harness(string scenarioId, bool buggy)
    {
        IScenario scenario = ScenarioCatalog.Find(scenarioId);
        return scenario.Harness(scenario.Factory(buggy ? Variant.Buggy : Variant.Fixed));
    }

    /// <summary>The test name traces and reports use, the lab's convention: "races/lost-update (buggy)".</summary>
    public static string TestName(string scenarioId, bool buggy) => $"{scenarioId} ({(buggy ? "buggy" : "fixed")})";

    /// <summary>
    /// Explores one scenario under Coyote with its stated configuration (or <paramref name="options"/>). A buggy variant
    /// whose Coyote run would end the process is not run: the report has no bug, no iterations, and says why.
    /// </summary>
    public static CoyoteReport Explore(string scenarioId, bool buggy, CoyoteOptions? options = null)
    {
        CoyoteExpectation expectation = CoyoteExpectations.For(scenarioId);
        options ??= expectation.Options;
        if (buggy && expectation.BuggyEndsTheProcess)
        {
            return new CoyoteReport
            {
                TestName = TestName(scenarioId, buggy), Options = options, Iterations = 0, Steps = 0, Elapsed = TimeSpan.Zero,
                ReadableTrace = $"not run under Coyote: {expectation.Note}", UncontrolledInvocations = [],
            };
        }
        return CoyoteExplorer.Explore(TestName(scenarioId, buggy), Harness(scenarioId, buggy), options);
    }
}
