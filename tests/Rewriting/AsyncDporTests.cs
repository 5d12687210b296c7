using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Finds = Lab.Systematic.NUnit.Finds;

namespace Lab.Rewriting.Tests;

/// <summary>
/// DPOR on async programs agrees with exhaustive DFS: it finds the bug of every buggy program DFS finds one in, of the
/// same kind, and exhausts every correct one in no more interleavings than DFS. Continuations, TaskCompletionSource
/// completions and single-threaded contexts are steps like any other, so the same dependency relation must hold.
/// </summary>
public sealed class AsyncDporTests
{
    private static string Name => FixtureExploration.TestName;

    private static ExplorationOptions With(StrategyKind strategy) => FixtureExploration.With(strategy, 20_000);

    private static IEnumerable<TestCaseData> Buggy()
    {
        yield return Case("AsyncCounter", "RunAcrossAwaits", 2, BugKind.AssertionFailure, "LostUpdateAcrossAwaits");
        yield return Case("AsyncPrograms", "ReadWithoutAwaitingTheSave", 1, BugKind.AssertionFailure, "MissingAwait");
        yield return Case("AsyncPrograms", "AwaitEachOther", null, BugKind.Deadlock, "AwaitCycle");
        yield return Case("AsyncPrograms", "ForgetAFailingSave", null, BugKind.UnhandledException, "UnobservedException");
        yield return Case("CancellationPrograms", "CancelAfterDispose", null, BugKind.UnhandledException, "CancelAfterDispose");
    }

    private static IEnumerable<TestCaseData> Correct()
    {
        yield return Case("AsyncCounter", "RunAfterAwaits", 2, null, "IncrementsAfterAwaits");
        yield return Case("AsyncPrograms", "ReadAfterAwaitingTheSave", 1, null, "AwaitedSave");
        yield return Case("AsyncPrograms", "AwaitAFailingSave", null, null, "HandledFailure");
        yield return Case("AsyncPrograms", "TwoYieldingSteps", null, null, "TwoYieldingSteps");
        yield return Case("CancellationPrograms", "CancelThenDispose", null, null, "CancelThenDispose");
        yield return Case("UiPrograms", "AwaitTheLoad", null, null, "AwaitOnASingleThreadedContext");
    }

    [TestCaseSource(nameof(Buggy))]
    public void Dpor_OnABuggyAsyncProgram_FindsTheBugDfsFinds_OfTheSameKind_AndItReplays(string type, string method, int? expected, BugKind kind)
    {
        Func<Task> body = Body(type, method, expected);

        TestReport dfs = TestingEngine.Explore(Name + "Dfs", body, With(StrategyKind.Dfs));
        TestReport dpor = TestingEngine.Explore(Name, body, With(StrategyKind.Dpor));

        Assert.That(dfs, Finds.Bug(kind));
        Assert.That(dpor, Finds.Bug(kind));
        BugReport replayed = TestingEngine.Replay(Name, dpor.TracePath!, body).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(dpor.Bug! with { StackTrace = null }));
    }

    [TestCaseSource(nameof(Correct))]
    public void Dpor_OnACorrectAsyncProgram_ExhaustsItsSpace_InNoMoreInterleavingsThanDfs(string type, string method, int? expected)
    {
        Func<Task> body = Body(type, method, expected);

        TestReport dfs = TestingEngine.Explore(Name + "Dfs", body, With(StrategyKind.Dfs));
        TestReport dpor = TestingEngine.Explore(Name, body, With(StrategyKind.Dpor));

        Assert.That(dfs, Is.BugFree());
        Assert.That(dfs.SpaceExhausted, Is.True, "DFS exhausts it, so the comparison is over whole spaces");
        Assert.That(dpor, Is.BugFree());
        Assert.That(dpor.SpaceExhausted, Is.True);
        Assert.That(dpor.Iterations, Is.LessThanOrEqualTo(dfs.Iterations));
        TestContext.Out.WriteLine($"{method}: DFS {dfs.Iterations} interleavings, DPOR {dpor.Iterations} ({dpor.MazurkiewiczTraces} Mazurkiewicz traces)");
    }

    [Test]
    public void Dpor_OnAnAsyncLockReleasedOnAPathThatNeverTookIt_FindsTheTwoHolders_AndOnTheFixExhaustsItsSpace()
    {
        // Time-outs make this space large: DFS does not exhaust the fix, nor reach the bug, within 20,000 interleavings.
        Func<Task> buggy = Body("AsyncGate", "RunReleasingAlways", null);
        Func<Task> correct = Body("AsyncGate", "RunReleasingWhatItTook", null);

        TestReport found = TestingEngine.Explore(Name, buggy, With(StrategyKind.Dpor));
        TestReport clean = TestingEngine.Explore(Name + "Fixed", correct, With(StrategyKind.Dpor));

        TestContext.Out.WriteLine(found.Summary);
        TestContext.Out.WriteLine(clean.Summary);
        Assert.That(found, Finds.Bug(BugKind.UnhandledException).Mentioning("two updates are inside the async lock"));
        BugReport replayed = TestingEngine.Replay(Name, found.TracePath!, buggy).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(found.Bug! with { StackTrace = null }));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
    }

    [Test]
    public void Dpor_SeesATokensCheck_AndItsSourcesCancel_AsDependent_SoBothOrdersAreExplored()
    {
        Func<Task<int>> check = Fixture("CancellationPrograms", "CheckWhileAnotherCancels");
        var seen = new HashSet<int>();

        TestReport dpor = TestingEngine.Explore(Name,
            () => { seen.Add(TaskOfResultStandIn.get_Result(check(), "", 0)); return Task.CompletedTask; }, With(StrategyKind.Dpor));

        Assert.That(dpor, Is.BugFree());
        Assert.That(dpor.SpaceExhausted, Is.True);
        Assert.That(seen, Is.EquivalentTo(new[] { 1, 2 }), "the check before the cancel (2) and after it (1)");
    }

    [Test]
    public void Dpor_SeesARegister_AndTheSourcesCancel_AsDependent_SoTheCallbackRunsInEither()
    {
        Func<Task<int>> register = Fixture("CancellationPrograms", "RegisterWhileAnotherCancels");
        var seen = new HashSet<int>();

        TestReport dpor = TestingEngine.Explore(Name,
            () => { seen.Add(TaskOfResultStandIn.get_Result(register(), "", 0)); return Task.CompletedTask; }, With(StrategyKind.Dpor));

        Assert.That(dpor, Is.BugFree());
        Assert.That(dpor.SpaceExhausted, Is.True);
        Assert.That(seen, Is.SupersetOf(new[] { 2, 3 }), "the callback run by Cancel (2) and at once by a late Register (3)");
    }

    private static Func<Task<int>> Fixture(string type, string method) => RewrittenFixtures.WithEngine.Delegate<Func<Task<int>>>("Async." + type, method);

    private static TestCaseData Case(string type, string method, int? expected, BugKind? kind, string name) => kind is { } found
        ? new TestCaseData(type, method, expected, found).SetName($"Dpor_OnAsync{name}_FindsThe{found}DfsFinds_AndItReplays")
        : new TestCaseData(type, method, expected).SetName($"Dpor_OnAsync{name}_ExhaustsItsSpace_InNoMoreInterleavingsThanDfs");

    /// <summary>The fixture as an async body; one that returns a count is checked against <paramref name="expected"/>.</summary>
    private static Func<Task> Body(string type, string method, int? expected)
    {
        if (expected is not { } count) return RewrittenFixtures.WithEngine.Delegate<Func<Task>>("Async." + type, method);
        Func<Task<int>> run = Fixture(type, method);
        return () =>
        {
            // A blocking wait through the stand-in: this test assembly is not rewritten, so it must not await itself.
            int actual = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(actual == count, $"{method} gave {actual}, expected {count}");
            return Task.CompletedTask;
        };
    }
}
