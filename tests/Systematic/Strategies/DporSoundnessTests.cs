using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Strategies;

/// <summary>DPOR against plain DFS on seeded random programs: the same verdict, and without a bug the same trace count.</summary>
public sealed class DporSoundnessTests
{
    private const int DfsCap = 5_000;

    private static ExplorationOptions Options => ExplorationOptions.Default.WithIterations(DfsCap).WithDataRaceDetection(false)
        .WithMinimization(false).WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "dpor-random"));

    [TestCase(0, 50)]
    [TestCase(50, 50)]
    public void Dpor_OnRandomPrograms_AgreesWithDfs_OnWhetherABugExists_AndOnTheTraceCount(int firstSeed, int count)
    {
        int compared = 0, buggy = 0;
        for (int seed = firstSeed; seed < firstSeed + count; seed++)
        {
            var program = new DporRandomProgram(seed);
            var reference = new DporReference();
            TestReport dfs = TestingEngine.Explore($"random-{seed}-dfs", program.Run, Options, reference);
            reference.Finish();
            if (dfs.IsBugFree && !reference.Exhausted) continue;
            TestReport dpor = TestingEngine.Explore($"random-{seed}-dpor", program.Run, Options.WithStrategy(StrategyKind.Dpor));
            compared++;
            string context = $"seed {seed}:\n{program}DFS: {dfs.Summary}\nDPOR: {dpor.Summary}";
            Assert.That(dpor.IsBugFree, Is.EqualTo(dfs.IsBugFree), context);
            if (dfs.IsBugFree)
            {
                Assert.That(dpor.SpaceExhausted, Is.True, context);
                Assert.That(dpor.MazurkiewiczTraces, Is.EqualTo(reference.Traces), context);
            }
            else
            {
                buggy++;
            }
        }
        TestContext.Out.WriteLine($"compared {compared} of {count} programs, {buggy} buggy");
        Assert.That(compared, Is.GreaterThanOrEqualTo(count / 2), "too few programs small enough for DFS to exhaust");
        Assert.That(buggy, Is.GreaterThan(0).And.LessThan(compared), "the generator should make both buggy and correct programs");
    }
}
