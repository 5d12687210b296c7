using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Testing;

public sealed class ParallelExplorationTests
{
    private static ExplorationOptions Options(string directory) => ExplorationOptions.Default.WithSeed(17).WithIterations(2_000)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces", directory));

    [TestCase(2)]
    [TestCase(4)]
    public void ParallelExploration_FindsTheSameBugAndTrace_AsOneWorker(int workers)
    {
        TestReport one = TestingEngine.Explore("lock-order", Programs.LockOrderInversion, Options("one"));
        TestReport many = TestingEngine.Explore("lock-order", Programs.LockOrderInversion, Options($"many{workers}").WithParallelism(workers));

        Assert.That(many, Finds.Deadlock());
        Assert.That(many.BugIteration, Is.EqualTo(one.BugIteration));
        Assert.That(many.Iterations, Is.EqualTo(one.Iterations));
        Assert.That(TraceFile.ToJson(many.Trace!), Is.EqualTo(TraceFile.ToJson(one.Trace!)));
    }

    [Test]
    public void ParallelExploration_OfACorrectProgram_RunsTheWholeBudgetAndCountsLikeOneWorker()
    {
        TestReport one = TestingEngine.Explore("locked", Programs.LockedIncrement, Options("ok1"));
        TestReport two = TestingEngine.Explore("locked", Programs.LockedIncrement, Options("ok2").WithParallelism(2));

        Assert.That(two, Is.BugFree());
        Assert.That((two.Iterations, two.DistinctSchedules, two.TotalSteps), Is.EqualTo((one.Iterations, one.DistinctSchedules, one.TotalSteps)));
    }

    [Test]
    public void Shards_SplitTheIterations_AndTheShardHoldingTheFirstBugFindsIt()
    {
        TestReport whole = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options("whole"));
        int bugShard = whole.BugIteration!.Value % 3;

        TestReport[] shards = Enumerable.Range(0, 3)
            .Select(i => TestingEngine.Explore("lost-update", Programs.LostUpdate, Options($"shard{i}").WithShard(i, 3))).ToArray();

        Assert.That(shards[bugShard].BugIteration, Is.EqualTo(whole.BugIteration));
        Assert.That(TraceFile.ToJson(shards[bugShard].OriginalTrace!), Is.EqualTo(TraceFile.ToJson(whole.OriginalTrace!)));
        Assert.That(shards.Where(s => s.Bug is not null).Select(s => s.BugIteration!.Value % 3), Is.All.Not.Negative);
        Assert.That(shards.Where(s => s.Bug is not null).All(s => s.BugIteration % 3 == Array.IndexOf(shards, s)), Is.True);
    }

    [Test]
    public void Dfs_InParallel_IsRefusedWithAnExplanation()
    {
        var error = Assert.Throws<ArgumentException>(() => TestingEngine.Explore("x", Programs.LockedIncrement,
            ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithParallelism(2)));

        Assert.That(error!.Message, Does.Contain("cannot run in parallel or in shards"));
    }
}
