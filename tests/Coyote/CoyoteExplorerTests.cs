using Lab.Coyote.Fixtures;
using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Coyote.Traces;
using Lab.Systematic.Detection;

namespace Lab.Coyote.Tests;

/// <summary>The adapter on small ordinary-C# programs that the build Coyote-rewrote: what Coyote finds, misses, and replays.</summary>
public sealed class CoyoteExplorerTests
{
    private static readonly uint[] FiveSeeds = [0, 1, 2, 3, 4];

    private static string TraceDirectory => Path.Combine(Path.GetTempPath(), "lab-traces", "coyote-tests");

    private static CoyoteOptions RandomStrategy(int iterations) =>
        CoyoteOptions.Default.WithStrategy(CoyoteStrategy.Random).WithIterations(iterations).WithTraceDirectory(TraceDirectory);

    [Test]
    public void TheFixtureAssemblyWasCoyoteRewrittenByTheBuild()
    {
        Assert.That(CoyoteExplorer.IsRewritten(typeof(LostUpdateCounter).Assembly), Is.True,
            "the CoyoteRewrite MSBuild target should have rewritten Lab.Coyote.Fixtures.dll after the build");
    }

    [Test]
    public void LostUpdate_InMemoryAccessMode_IsFoundOnFiveSeeds_AsAnAssertionFailure_AndReplays([ValueSource(nameof(FiveSeeds))] uint seed)
    {
        CoyoteReport report = CoyoteExplorer.Explore("fixture/lost-update (buggy)", () => LostUpdateCounter.Run(guarded: false),
            RandomStrategy(200).WithMemoryAccessRaces().WithSeed(seed));

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.AssertionFailure), report.Summary);
        Assert.That(report.Bug!.Message, Does.StartWith("count is 1, expected 2").And.Contain("LostUpdateCounter.cs:"));
        AssertReplays(report, () => LostUpdateCounter.Run(guarded: false));
    }

    [Test]
    public void LostUpdate_WithoutMemoryAccessMode_IsNotSeen_BecausePlainFieldsAreNoSchedulingPoints()
    {
        CoyoteReport report = CoyoteExplorer.Explore("fixture/lost-update (buggy)", () => LostUpdateCounter.Run(guarded: false), RandomStrategy(300));

        Assert.That(report.Bug, Is.Null, "documented: Coyote 1.7.11 sees plain-field races only in memory-access mode; if this fails, Coyote now sees them");
        Assert.That(report.Iterations, Is.EqualTo(300));
    }

    [Test]
    public void LostUpdate_Guarded_PassesEveryIterationInMemoryAccessMode()
    {
        CoyoteReport report = CoyoteExplorer.Explore("fixture/lost-update (fixed)", () => LostUpdateCounter.Run(guarded: true),
            RandomStrategy(200).WithMemoryAccessRaces());

        Assert.That(report.Bug, Is.Null, report.Bug?.CoyoteText);
        Assert.That(report.Iterations, Is.EqualTo(200));
    }

    [Test]
    public void LockOrderInversion_IsFoundOnFiveSeeds_AsADeadlock_AndReplays([ValueSource(nameof(FiveSeeds))] uint seed)
    {
        CoyoteReport report = CoyoteExplorer.Explore("fixture/lock-order (buggy)", () => LockOrderTransfers.Run(ordered: false), RandomStrategy(200).WithSeed(seed));

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), report.Summary);
        Assert.That(report.Bug!.Message, Does.StartWith("Deadlock detected."));
        AssertReplays(report, () => LockOrderTransfers.Run(ordered: false));
    }

    [Test]
    public void LockOrder_Ordered_PassesEveryIteration()
    {
        CoyoteReport report = CoyoteExplorer.Explore("fixture/lock-order (fixed)", () => LockOrderTransfers.Run(ordered: true), RandomStrategy(200));

        Assert.That(report.Bug, Is.Null, report.Bug?.CoyoteText);
    }

    [Test]
    public void LockOrderInversion_OnSystemThreadingLock_IsNotSeen_BecauseCoyoteDoesNotRewriteLock()
    {
        CoyoteReport report = CoyoteExplorer.Explore("fixture/system-lock-order (buggy)", SystemLockTransfers.Run, RandomStrategy(200));

        Assert.That(report.Bug, Is.Null, "documented: Coyote 1.7.11 does not control System.Threading.Lock; if this fails, it now does");
    }

    [Test]
    public void MintedCoin_WithATimedWait_IsNotSeen_BecauseCoyoteNeverTimesAWaitOut()
    {
        CoyoteReport report = CoyoteExplorer.Explore("fixture/minted-coin-wait1 (buggy)", () => MintedCoinPool.Run(waitMilliseconds: 1), RandomStrategy(300));

        Assert.That(report.Bug, Is.Null, "documented: Coyote 1.7.11 treats Wait(1) as Wait(); if this fails, it now explores time-outs");
    }

    [Test]
    public void MintedCoin_WithAZeroWait_IsFound_AsAnAssertionFailure_AndReplays()
    {
        CoyoteReport report = CoyoteExplorer.Explore("fixture/minted-coin-wait0 (buggy)", () => MintedCoinPool.Run(waitMilliseconds: 0), RandomStrategy(200));

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.AssertionFailure), report.Summary);
        Assert.That(report.Bug!.Message, Does.StartWith("2 threads use the single connection at once"));
        AssertReplays(report, () => MintedCoinPool.Run(waitMilliseconds: 0));
    }

    [Test]
    public void PoliteLivelock_IsFoundThroughTheLabsLivenessMonitor_WithTheLabsBudget_AndReplays()
    {
        CoyoteOptions budget = CoyoteOptions.Default.WithIterations(300).WithMaxSteps(600).WithLivenessTemperatureThreshold(150).WithTraceDirectory(TraceDirectory);

        CoyoteReport report = CoyoteExplorer.Explore("fixture/polite-forks (buggy)", () => PoliteForks.Run(ordered: false), budget);

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Livelock), report.Summary + Environment.NewLine + report.Bug?.CoyoteText);
        Assert.That(report.Bug!.Message, Does.Contain("LivelockMonitor").And.Contain("SomeoneAwaitsProgress"));
        AssertReplays(report, () => PoliteForks.Run(ordered: false));
    }

    [Test]
    public void PoliteForks_Ordered_PassesEveryIteration_WithTheSameBudget()
    {
        CoyoteOptions budget = CoyoteOptions.Default.WithIterations(200).WithMaxSteps(600).WithLivenessTemperatureThreshold(150);

        CoyoteReport report = CoyoteExplorer.Explore("fixture/polite-forks (fixed)", () => PoliteForks.Run(ordered: true), budget);

        Assert.That(report.Bug, Is.Null, report.Bug?.CoyoteText);
    }

    private static void AssertReplays(CoyoteReport report, Action test)
    {
        Assert.That(report.TracePath, Is.Not.Null.And.Matches<string>(File.Exists), "the trace should be written beside the lab's traces");
        CoyoteTrace trace = CoyoteTraceFile.Load(report.TracePath!);
        CoyoteReport replay = CoyoteExplorer.Replay(trace, test);
        Assert.That(CoyoteExplorer.Reproduces(replay, trace), Is.True, $"replay gave {replay.Bug?.ToString() ?? "no bug"}, expected {trace.Kind}: {trace.Message}");
    }
}
