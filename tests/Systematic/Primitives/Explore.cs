using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Primitives;

/// <summary>Runs a body under exhaustive DFS, the way primitive tests check "in every schedule" and "in some schedule".</summary>
internal static class Explore
{
    public static TestReport Exhaustively(Action body, int iterations = 20_000, int? preemptionBound = null) => TestingEngine.Explore(
        TestContext.CurrentContext.Test.Name, body,
        ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(iterations).WithPreemptionBound(preemptionBound)
            .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces")));
}
