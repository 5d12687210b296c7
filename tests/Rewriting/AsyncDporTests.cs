using System.Reflection;
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
    private static string Traces => Path.Combine(RewrittenFixtures.Folder, "traces", TestContext.CurrentContext.Test.Name);

    private static ExplorationOptions With(StrategyKind strategy) => ExplorationOptions.Default.WithStrategy(strategy)
        .WithIterations(20_000).WithTraceDirectory(Traces).WithContinueAfterDataRace(true);

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

        TestReport dfs = TestingEngine.Explore(TestContext.CurrentContext.Test.Name + "Dfs", body, With(StrategyKind.Dfs));
        TestReport dpor = TestingEngine.Explore(TestContext.CurrentContext.Test.Name, body, With(StrategyKind.Dpor));

        Assert.That(dfs, Finds.Bug(kind));
        Assert.That(dpor, Finds.Bug(kind));
        BugReport replayed = TestingEngine.Replay(TestContext.CurrentContext.Test.Name, dpor.TracePath!, body).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(dpor.Bug! with { StackTrace = null }));
    }

    [TestCaseSource(nameof(Correct))]
    public void Dpor_OnACorrectAsyncProgram_ExhaustsItsSpace_InNoMoreInterleavingsThanDfs(string type, string method, int? expected)
    {
        Func<Task> body = Body(type, method, expected);

        TestReport dfs = TestingEngine.Explore(TestContext.CurrentContext.Test.Name + "Dfs", body, With(StrategyKind.Dfs));
        TestReport dpor = TestingEngine.Explore(TestContext.CurrentContext.Test.Name, body, With(StrategyKind.Dpor));

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

        TestReport found = TestingEngine.Explore(TestContext.CurrentContext.Test.Name, buggy, With(StrategyKind.Dpor));
        TestReport clean = TestingEngine.Explore(TestContext.CurrentContext.Test.Name + "Fixed", correct, With(StrategyKind.Dpor));

        TestContext.Out.WriteLine(found.Summary);
        TestContext.Out.WriteLine(clean.Summary);
        Assert.That(found, Finds.Bug(BugKind.UnhandledException).Mentioning("two updates are inside the async lock"));
        BugReport replayed = TestingEngine.Replay(TestContext.CurrentContext.Test.Name, found.TracePath!, buggy).Bug!;
        Assert.That(replayed with { StackTrace = null }, Is.EqualTo(found.Bug! with { StackTrace = null }));
        Assert.That(clean, Is.BugFree());
        Assert.That(clean.SpaceExhausted, Is.True);
    }

    private static TestCaseData Case(string type, string method, int? expected, BugKind? kind, string name) => kind is { } found
        ? new TestCaseData(type, method, expected, found).SetName($"Dpor_OnAsync{name}_FindsThe{found}DfsFinds_AndItReplays")
        : new TestCaseData(type, method, expected).SetName($"Dpor_OnAsync{name}_ExhaustsItsSpace_InNoMoreInterleavingsThanDfs");

    /// <summary>The fixture as an async body; one that returns a count is checked against <paramref name="expected"/>.</summary>
    private static Func<Task> Body(string type, string method, int? expected)
    {
        MethodInfo info = RewrittenFixtures.WithEngine.Assembly.GetType($"Lab.Rewriting.Fixtures.Async.{type}", throwOnError: true)!.GetMethod(method)!;
        if (expected is not { } count) return info.CreateDelegate<Func<Task>>();
        Func<Task<int>> run = info.CreateDelegate<Func<Task<int>>>();
        return () =>
        {
            // A blocking wait through the stand-in: this test assembly is not rewritten, so it must not await itself.
            int actual = TaskOfResultStandIn.get_Result(run(), "", 0);
            Specification.Assert(actual == count, $"{method} gave {actual}, expected {count}");
            return Task.CompletedTask;
        };
    }
}
