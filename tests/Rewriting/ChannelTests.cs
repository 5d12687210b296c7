using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Finds = Lab.Systematic.NUnit.Finds;

namespace Lab.Rewriting.Tests;

/// <summary>
/// System.Threading.Channels in rewritten code: inside an exploration the Channel factories return the engine's
/// channel, so each read and write is a step with its line, a reader of an empty channel or a writer of a full one is
/// a controlled wait, and a lost item or a deadlock through a channel is found and replays.
/// </summary>
public sealed class ChannelTests
{
    private const string Source = "Async/ChannelPrograms.cs";

    private static string Name => FixtureExploration.TestName;

    private static ExplorationOptions Random(int iterations = 200) => FixtureExploration.Random(iterations, seed: 7);

    private static ExplorationOptions Dfs(int iterations = 100_000) => FixtureExploration.Dfs(iterations);

    [Test]
    public void TryWrite_IgnoringAFullBoundedChannel_LosesAnItem_WithTheRefusedWriteInTheTrace_AndReplays()
    {
        Func<Task<int>> run = Fixture<Task<int>>("TryWriteIgnoringAFullChannel");
        void Body()
        {
            int sum = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(sum == 3, $"the consumer read {sum}, expected 3");
        }

        TestReport report = TestingEngine.Explore(Name, Body, Random());

        int created = FixtureSource.LineOf(Source, "channel-bounded");
        int line = FixtureSource.LineOf(Source, "channel-trywrite");
        Assert.That(report, Finds.AssertionFailure().Mentioning("the consumer read 1, expected 3"));
        Assert.That(report.Trace!.Steps.Select(s => $"{s.Describe()} at {s.Location}"),
            Does.Contain($"TryWrite(Channel<Int32> (ChannelPrograms.cs:{created})) refused: full = 1 at ChannelPrograms.cs:{line}"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, Body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void WriteAsync_OnAFullBoundedChannel_WaitsForRoom_AndNothingIsLost_InEverySchedule()
    {
        Func<Task<int>> run = Fixture<Task<int>>("WriteAsyncWaitingForRoom");
        var sums = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => sums.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(sums, Is.EquivalentTo(new[] { 3 }));
    }

    [Test]
    public void AConsumer_OfAChannelNobodyCompletes_IsADeadlock_NamingTheChannelAndTheWaiters()
    {
        Func<Task<int>> body = Fixture<Task<int>>("ForgetToComplete");

        TestReport report = TestingEngine.Explore(Name, body, Dfs());

        int created = FixtureSource.LineOf(Source, "channel-create");
        Assert.That(report, Finds.Deadlock());
        Assert.That(report.Bug!.Message, Does.Contain("ForgetToComplete holds nothing and waits for SumAll")
            .And.Contain($"holds nothing and waits for Channel<Int32> (ChannelPrograms.cs:{created}) (empty, not complete"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void ReadAllAsync_EndsAfterComplete_InEverySchedule()
    {
        Func<Task<int>> run = Fixture<Task<int>>("CompleteAfterWriting");
        var sums = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => sums.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(sums, Is.EquivalentTo(new[] { 3 }));
    }

    [Test]
    public void AFullBoundedChannel_WhoseOnlyReaderStartsAfterTheWrite_IsADeadlock_AtTheWrite()
    {
        Func<Task<int>> body = Fixture<Task<int>>("FillBeforeStartingTheReader");

        TestReport report = TestingEngine.Explore(Name, body, Dfs());

        int created = FixtureSource.LineOf(Source, "channel-full");
        int write = FixtureSource.LineOf(Source, "channel-full-write");
        Assert.That(report, Finds.Deadlock());
        Assert.That(report.Bug!.Message, Does.Contain($"WriteAsync holds nothing and waits for Channel<Int32> (ChannelPrograms.cs:{created}) (full: 1 of 1)")
            .And.Contain("FillBeforeStartingTheReader holds nothing and waits for WriteAsync"));
        Assert.That(report.Trace!.Steps.Select(s => $"{s.Describe()} at {s.Location}"), Has.Some.EndsWith($"at ChannelPrograms.cs:{write}"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void WaitToReadAndWaitToWrite_TryCompleteCountAndCompletion_AreBugFree_In2000RandomSchedules()
    {
        Func<Task<int>> run = Fixture<Task<int>>("WaitToReadAndWaitToWrite");
        var sums = new HashSet<int>();

        // Over 100 000 schedules for DFS: a seeded random sample instead.
        TestReport report = TestingEngine.Explore(Name, () => sums.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Random(2000));

        Assert.That(report, Is.BugFree());
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(report.DistinctSchedules, Is.GreaterThan(100));
        Assert.That(sums, Is.EquivalentTo(new[] { 3 }));
    }

    [Test]
    public void AnObjectHandedOverThroughAChannel_IsSeenAsWritten_WithoutARace_InEverySchedule()
    {
        Func<Task<int>> run = Fixture<Task<int>>("HandAnOrderOver");
        var quantities = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => quantities.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(quantities, Is.EquivalentTo(new[] { 5 }));
    }

    [Test]
    public void OutsideAnExploration_TheFactoriesReturnTheRealChannels()
    {
        Func<Task<int>> run = Fixture<Task<int>>("CompleteAfterWriting");

        int sum = run().GetAwaiter().GetResult();

        Assert.That(sum, Is.EqualTo(3));
        Assert.That(ChannelStandIn.CreateUnbounded<int>("", 0).GetType().Namespace, Is.EqualTo("System.Threading.Channels"));
        Assert.That(ChannelStandIn.CreateBounded<int>(2, "", 0).GetType().Namespace, Is.EqualTo("System.Threading.Channels"));
    }

    private static Func<T> Fixture<T>(string method) => RewrittenFixtures.WithEngine.Delegate<Func<T>>("Async.ChannelPrograms", method);
}
