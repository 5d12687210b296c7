using System.Reflection;
using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Interception;
using Finds = Lab.Systematic.NUnit.Finds;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Rewriting.Tests;

/// <summary>
/// Ordinary C#, rewritten with the engine's own stand-ins and hooks, explored: the lost <c>count++</c> is found,
/// named by field and line, and replays; the locked version is clean.
/// </summary>
public sealed class ExplorationTests
{
    private static string Traces => Path.Combine(RewrittenFixtures.Folder, "traces", TestContext.CurrentContext.Test.Name);

    [SetUp]
    public void RequireTheEnginesStandIns()
    {
        if (!EngineIntercepts("System.Threading.Thread") || !EngineIntercepts("System.Threading.Monitor"))
            Assert.Ignore("The engine's Thread and Monitor stand-ins (src/Systematic/Interception) are not in this build yet.");
    }

    [Test]
    public void Explores_ARewrittenUnlockedIncrement_FindsTheLostUpdate_WithTheRaceOnTheField_AndReplaysIt()
    {
        MethodInfo run = FixtureMethod("Counter", "RunUnlocked");
        void Body()
        {
            int count = (int)run.Invoke(null, null)!;
            Specification.Assert(count == 2, $"count is {count}, expected 2");
        }

        TestReport report = TestingEngine.Explore(nameof(Body), Body,
            ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithSeed(11).WithIterations(300).WithTraceDirectory(Traces));

        int line = FixtureSource.LineOf("Counter.cs", "counter-increment");
        Assert.That(report, Finds.AssertionFailure().Mentioning("count is 1, expected 2"));
        Assert.That(report.FirstRace?.Message, Does.Contain("data race on 'Counter._count'").And.Contain($"Counter.cs:{line}"));
        Assert.That(report.Trace!.Steps.Select(s => s.Describe()), Does.Contain("write Counter._count"));
        Assert.That(TestingEngine.Replay(nameof(Body), report.TracePath!, Body).Bug, Is.EqualTo(report.Bug! with { StackTrace = null }));
    }

    [Test]
    public void Explores_ACompoundAssignmentOnASharedArrayElement_FindsTheLostUpdate_WithTheRaceOnTheElement()
    {
        MethodInfo run = FixtureMethod("Arrays", "AddFromTwoThreads");
        void Body()
        {
            int balance = (int)run.Invoke(null, null)!;
            Specification.Assert(balance == 20, $"balance is {balance}, expected 20");
        }

        TestReport report = TestingEngine.Explore(nameof(Body), Body,
            ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithSeed(3).WithIterations(300).WithContinueAfterDataRace(true).WithTraceDirectory(Traces));

        int line = FixtureSource.LineOf("Arrays.cs", "array-add");
        Assert.That(report, Finds.AssertionFailure().Mentioning("balance is 10, expected 20"));
        Assert.That(report.FirstRace?.Message, Does.Contain("data race").And.Contain($"Arrays.cs:{line}"));
        Assert.That(TestingEngine.Replay(nameof(Body), report.TracePath!, Body).Bug, Is.EqualTo(report.Bug! with { StackTrace = null }));
    }

    [Test]
    public void Explores_ARewrittenLockedIncrement_FindsNoBugAndNoRace()
    {
        MethodInfo run = FixtureMethod("Counter", "RunLocked");
        void Body()
        {
            int count = (int)run.Invoke(null, [1])!;
            Specification.Assert(count == 2, $"count is {count}, expected 2");
        }

        TestReport report = TestingEngine.Explore(nameof(Body), Body,
            ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(5_000).WithTraceDirectory(Traces));

        Assert.That(report, Is.BugFree());
        Assert.That(report.FirstRace, Is.Null);
    }

    private static MethodInfo FixtureMethod(string type, string method) =>
        RewrittenFixtures.WithEngine.FixtureType(type).GetMethod(method)!;

    private static bool EngineIntercepts(string typeName) => typeof(InterceptsTypeAttribute).Assembly.GetExportedTypes()
        .Any(t => t.GetCustomAttributes<InterceptsTypeAttribute>().Any(a => a.TargetTypeFullName == typeName));
}
