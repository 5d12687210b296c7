using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>
/// Exploration settings for the stand-in tests: exhaustive DFS where the space is small, seeded random otherwise. They
/// go on past a data race (the engine stops at the first one by default), because these tests ask for the stronger
/// bug a race leads to (the lost update, the stale read) as well as the race.
/// </summary>
internal static class Exploring
{
    private static string Traces => Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces", TestContext.CurrentContext.Test.Name);

    private static string Name => TestContext.CurrentContext.Test.Name;

    public static TestReport Exhaustively(Action body, int iterations = 20_000, int? preemptionBound = null) => TestingEngine.Explore(Name, body,
        ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(iterations).WithPreemptionBound(preemptionBound).WithTraceDirectory(Traces).WithContinueAfterDataRace(true));

    public static TestReport Randomly(Action body, int iterations = 300) => TestingEngine.Explore(Name, body,
        ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithSeed(11).WithIterations(iterations).WithTraceDirectory(Traces).WithContinueAfterDataRace(true));

    /// <summary>Replays the report's trace and returns the bug the replay ends with.</summary>
    public static Lab.Systematic.Detection.BugReport? Replayed(TestReport report, Action body) =>
        TestingEngine.Replay(Name, report.TracePath!, body).Bug;
}
