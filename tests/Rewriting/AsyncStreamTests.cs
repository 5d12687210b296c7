using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Finds = Lab.Systematic.NUnit.Finds;

namespace Lab.Rewriting.Tests;

/// <summary>
/// Async streams (<c>async IAsyncEnumerable&lt;T&gt;</c> consumed by <c>await foreach</c>), rewritten and explored: the
/// producer's awaits and the consumer's awaits on MoveNextAsync are controlled steps, so a race between consumers is
/// found and replays, and what a producer did before yielding is seen by the consumer without a race.
/// </summary>
public sealed class AsyncStreamTests
{
    private static string Name => FixtureExploration.TestName;

    private static ExplorationOptions Random(int iterations = 200) => FixtureExploration.Random(iterations, seed: 7);

    private static ExplorationOptions Dfs(int iterations = 100_000) => FixtureExploration.Dfs(iterations);

    [Test]
    public void TwoConsumersOfAsyncStreams_AddingWithoutALock_LoseAnAddition_WithTheRaceOnTheirLine_AndReplay()
    {
        Func<Task<int>> run = Fixture<Task<int>>("TwoConsumersAddingUnsynchronised");
        void Body()
        {
            int total = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(total == 2, $"total is {total}, expected 2");
        }

        TestReport report = TestingEngine.Explore(Name, Body, Random());

        int addLine = FixtureSource.LineOf("Async/AsyncStreamPrograms.cs", "stream-add");
        int foreachLine = FixtureSource.LineOf("Async/AsyncStreamPrograms.cs", "stream-foreach");
        int yieldLine = FixtureSource.LineOf("Async/AsyncStreamPrograms.cs", "stream-yield");
        Assert.That(report, Finds.AssertionFailure().Mentioning("total is 1, expected 2"));
        Assert.That(report.FirstRace, Is.Not.Null);
        Assert.That(report.FirstRace!.Kind, Is.EqualTo(BugKind.DataRace));
        Assert.That(report.FirstRace.Message, Does.Contain("AsyncStreamPrograms._total"));
        Assert.That(report.FirstRace.Location, Is.EqualTo($"AsyncStreamPrograms.cs:{addLine}"));
        Assert.That(report.Trace!.Steps.Select(s => $"{s.Describe()} at {s.Location}"),
            Does.Contain($"await(Numbers stream) suspends at AsyncStreamPrograms.cs:{foreachLine}")
                .And.Contain($"resume(Numbers stream) at AsyncStreamPrograms.cs:{foreachLine}")
                .And.Contain($"resume(Task.Yield) at AsyncStreamPrograms.cs:{yieldLine}"));
        Assert.That(report.Trace.Steps.Select(s => s.Describe()), Does.Contain("yield(Numbers stream)"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, Body).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void TwoConsumersOfAsyncStreams_AddingUnderALock_AreBugFreeAndRaceFree_In2000RandomSchedules()
    {
        Func<Task<int>> run = Fixture<Task<int>>("TwoConsumersAddingUnderALock");
        void Body()
        {
            int total = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(total == 2, $"total is {total}, expected 2");
        }

        // DFS does not exhaust this one: two consumers of one item each already pass 100 000 schedules.
        TestReport report = TestingEngine.Explore(Name, Body, Random(2000));

        Assert.That(report, Is.BugFree());
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(report.DistinctSchedules, Is.GreaterThan(100));
    }

    [Test]
    public void AConsumer_SeesWhatTheProducerDidBeforeEachYield_WithoutARace_InEverySchedule()
    {
        Func<Task<int>> run = Fixture<Task<int>>("ConsumerSeesWhatTheProducerDid");
        var seen = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => seen.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(seen, Is.EquivalentTo(new[] { 3 }));
    }

    [Test]
    public void BreakingOutOfAnAsyncStream_RunsTheProducersFinallyThroughDisposeAsync_InEverySchedule()
    {
        Func<Task<int>> run = Fixture<Task<int>>("BreakOutOfTheStream");
        var cleanedUp = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => cleanedUp.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(cleanedUp, Is.EquivalentTo(new[] { 1 }));
        // Measured when written: a change to how iterators or awaits are scheduled shows up here.
        Assert.That(report.DistinctSchedules, Is.EqualTo(33));
    }

    [Test]
    public void AConfiguredStream_WithCancellationAndConfigureAwaitFalse_IsControlledLikeTheStreamItself_InEverySchedule()
    {
        Func<Task<int>> run = Fixture<Task<int>>("ConsumerOfAConfiguredStream");
        var seen = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name, () => seen.Add(TaskOfResultStandIn.get_Result(run(), "", 0)), Dfs());

        // Without the enumerator's stand-in the first await on its MoveNextAsync is reported as uncontrolled.
        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
        Assert.That(seen, Is.EquivalentTo(new[] { 2 }));
    }

    private static Func<T> Fixture<T>(string method) => RewrittenFixtures.WithEngine.Delegate<Func<T>>("Async.AsyncStreamPrograms", method);
}
