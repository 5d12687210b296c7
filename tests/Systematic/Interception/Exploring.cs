using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>Exploration settings for the stand-in tests: exhaustive DFS where the space is small, seeded random otherwise.</summary>
internal static class Exploring
{
    private static string Traces => Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces", TestContext.CurrentContext.Test.Name);

    private static string Name => TestContext.CurrentContext.Test.Name;

    public static TestReport Exhaustively(Action body, int iterations = 20_000, int? preemptionBound = null) => TestingEngine.Explore(Name, body,
        ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(iterations).WithPreemptionBound(preemptionBound).WithTraceDirectory(Traces));

    public static TestReport Randomly(Action body, int iterations = 300) => TestingEngine.Explore(Name, body,
        ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithSeed(11).WithIterations(iterations).WithTraceDirectory(Traces));

    /// <summary>Replays the report's trace and returns the bug the replay ends with.</summary>
    public static Lab.Systematic.Detection.BugReport? Replayed(TestReport report, Action body) =>
        TestingEngine.Replay(Name, report.TracePath!, body).Bug;
}
