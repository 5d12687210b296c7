using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Finds = Lab.Systematic.NUnit.Finds;

namespace Lab.Rewriting.Tests;

/// <summary>
/// Lazy&lt;T&gt; under the engine follows its thread-safety mode: ExecutionAndPublication runs the factory once in
/// every schedule (its check is a controlled lock), PublicationOnly may run it on each racing thread, and the real
/// Lazy's rules (recursion throws, a failure is cached) still hold.
/// </summary>
public sealed class LazyTests
{
    private static string Name => FixtureExploration.TestName;

    private static ExplorationOptions Dpor() => FixtureExploration.Dpor(20_000);

    private static ExplorationOptions Dfs() => FixtureExploration.Dfs(20_000);

    [Test]
    public void GetOrAddOfALazy_InExecutionAndPublicationMode_OpensOneConnection_InEveryInterleaving_ByDpor()
    {
        Func<LazyThreadSafetyMode, int> opens = Fixture<Func<LazyThreadSafetyMode, int>>("OpensForTwoLookups");
        var counts = new HashSet<int>();

        TestReport report = TestingEngine.Explore(Name,
            () => counts.Add(opens(LazyThreadSafetyMode.ExecutionAndPublication)), Dpor());

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(counts, Is.EquivalentTo(new[] { 1 }));
    }

    [Test]
    public void GetOrAddOfALazy_InPublicationOnlyMode_OpensTwoConnections_InSomeSchedule_AndItReplays()
    {
        Func<LazyThreadSafetyMode, int> opens = Fixture<Func<LazyThreadSafetyMode, int>>("OpensForTwoLookups");
        void OneOpen()
        {
            int opened = opens(LazyThreadSafetyMode.PublicationOnly);
            Specification.Assert(opened == 1, $"{opened} connections opened for one key");
        }

        TestReport report = TestingEngine.Explore(Name, OneOpen, Dfs());

        Assert.That(report, Finds.AssertionFailure().Mentioning("2 connections opened for one key"));
        Assert.That(TestingEngine.Replay(Name, report.TracePath!, OneOpen).Bug, Is.EqualTo(report.Bug));
    }

    [Test]
    public void ALazy_WhoseFactoryReadsItsOwnValue_ThrowsAsTheRealOneDoes_AndAFailureIsCached()
    {
        Func<string> recursive = Fixture<Func<string>>("FactoryReadingItsOwnLazy");
        Func<int> failing = Fixture<Func<int>>("FailuresOfTwoReadsOfAFailingLazy");
        string? message = null;
        int failures = 0;

        TestReport report = TestingEngine.Explore(Name, () =>
        {
            message = recursive();
            failures = failing();
        }, Dfs());

        Assert.That(report, Is.BugFree());
        Assert.That(message, Does.Contain("ValueFactory attempted to access the Value property of this instance"));
        Assert.That(failures, Is.EqualTo(2));
        Assert.That(Lab.Rewriting.Fixtures.LazyCache.FactoryReadingItsOwnLazy(), Is.EqualTo(message), "the same message as the real Lazy");
    }

    private static T Fixture<T>(string method) where T : Delegate => RewrittenFixtures.WithEngine.Delegate<T>("LazyCache", method);
}
