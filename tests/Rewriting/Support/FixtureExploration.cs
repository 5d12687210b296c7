using Lab.Systematic.Testing;

namespace Lab.Rewriting.Tests.Support;

/// <summary>
/// The exploration options the rewritten-fixture tests share: the strategy and budget each test states, traces in a
/// folder named after the running test, and a data race noted without stopping, since the tests assert the stronger
/// bug a race leads to.
/// </summary>
internal static class FixtureExploration
{
    /// <summary>The running test's name, which names its explorations and its trace folder.</summary>
    public static string TestName => TestContext.CurrentContext.Test.Name;

    /// <summary>The running test's trace folder.</summary>
    public static string Traces => Path.Combine(RewrittenFixtures.Folder, "traces", TestName);

    /// <summary>Seeded random scheduling for <paramref name="iterations"/> iterations.</summary>
    public static ExplorationOptions Random(int iterations, ulong seed) => With(StrategyKind.Random, iterations).WithSeed(seed);

    /// <summary>Depth-first exploration of up to <paramref name="iterations"/> schedules.</summary>
    public static ExplorationOptions Dfs(int iterations) => With(StrategyKind.Dfs, iterations);

    /// <summary>DPOR over up to <paramref name="iterations"/> interleavings.</summary>
    public static ExplorationOptions Dpor(int iterations) => With(StrategyKind.Dpor, iterations);

    /// <summary><paramref name="strategy"/> for up to <paramref name="iterations"/> iterations, with the shared trace folder and race handling.</summary>
    public static ExplorationOptions With(StrategyKind strategy, int iterations) => ExplorationOptions.Default.WithStrategy(strategy)
        .WithIterations(iterations).WithTraceDirectory(Traces).WithContinueAfterDataRace(true);
}
