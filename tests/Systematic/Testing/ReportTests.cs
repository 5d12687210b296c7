using System.Reflection;
using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Testing;

public sealed class ReportTests
{
    private static ExplorationOptions Options => ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithSeed(3)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces", TestContext.CurrentContext.Test.Name));

    /// <summary>Two unsynchronised writes of a flag: a data race, and nothing worse.</summary>
    private static void RacyFlag()
    {
        var flag = new Shared<bool>(false, "flag");
        var t1 = new ControlledThread(() => flag.Write(true), "T1");
        var t2 = new ControlledThread(() => flag.Write(true), "T2");
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    [Test]
    public void Report_GivesTheTimeToTheBug_ApartFromTheTotalTime()
    {
        TestReport report = TestingEngine.Explore("lock-order", Programs.LockOrderInversion, Options);

        Assert.That(report, Finds.Deadlock());
        Assert.That(report.TimeToBug, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(report.Elapsed));
        Assert.That(report.Summary, Does.Contain($"found in iteration {report.BugIteration} after {report.TimeToBug!.Value.TotalMilliseconds:0} ms")
            .And.Contain($"{report.Elapsed.TotalMilliseconds:0} ms in all"));
    }

    [Test]
    public void DataRace_StopsTheExploration_AndTheSummarySaysSo()
    {
        TestReport report = TestingEngine.Explore("racy-flag", RacyFlag, Options);

        Assert.That(report, Finds.DataRace().Mentioning("'flag'"));
        Assert.That(report.Iterations, Is.EqualTo(report.BugIteration + 1));
        Assert.That(report.Summary, Does.Contain("stopped at the first data race, WithContinueAfterDataRace(true) looks on for a stronger bug"));
    }

    [Test]
    public void DataRace_WithContinueAfterDataRace_RunsTheWholeBudget_AndTheSummarySaysNothingStrongerWasFound()
    {
        TestReport report = TestingEngine.Explore("racy-flag", RacyFlag, Options.WithIterations(200).WithContinueAfterDataRace(true));

        Assert.That(report, Finds.DataRace().Mentioning("'flag'"));
        Assert.That(report.Iterations, Is.EqualTo(200));
        Assert.That(report.ContinuedAfterDataRace, Is.True);
        Assert.That(report.Summary, Does.Contain($"went on past the data race of iteration {report.FirstRaceIteration} looking for a stronger bug and found none"));
    }

    [Test]
    public void TimedWaits_AreCountedPerSourceLine_WithHowOftenEachTimedOut()
    {
        int tryEnterLine = 0;
        void Body()
        {
            var gate = new Lock("gate");
            var holder = new ControlledThread(() =>
            {
                using (gate.EnterScope()) ControlledThread.Yield();
            }, "holder");
            holder.Start();
            tryEnterLine = new System.Diagnostics.StackFrame(0, true).GetFileLineNumber() + 1;
            if (gate.TryEnter(10)) gate.Exit();
            holder.Join();
        }

        TestReport report = TestingEngine.Explore("timed-wait", Body, ExplorationOptions.Default.WithStrategy(StrategyKind.Dfs).WithIterations(1_000));

        Assert.That(report.SpaceExhausted, Is.True);
        TimedWaitCount wait = report.TimedWaits.Single();
        Assert.That(wait.Location, Is.EqualTo($"ReportTests.cs:{tryEnterLine}"));
        Assert.That(wait.Satisfied, Is.GreaterThan(0));
        Assert.That(wait.TimedOut, Is.GreaterThan(0));
        Assert.That(wait.Satisfied + wait.TimedOut, Is.EqualTo(report.Iterations));
        Assert.That(report.Describe(), Does.Contain($"ReportTests.cs:{tryEnterLine}: {wait.Satisfied} / {wait.TimedOut}"));
    }

    /// <summary>For each setting, a With* call that changes it (ShardIndex and ShardCount share WithShard).</summary>
    private static readonly Dictionary<string, Func<ExplorationOptions, ExplorationOptions>> WithEverySetting = new()
    {
        [nameof(ExplorationOptions.Iterations)] = o => o.WithIterations(7),
        [nameof(ExplorationOptions.Strategy)] = o => o.WithStrategy(StrategyKind.Pct),
        [nameof(ExplorationOptions.Seed)] = o => o.WithSeed(9),
        [nameof(ExplorationOptions.MaxSteps)] = o => o.WithMaxSteps(77),
        [nameof(ExplorationOptions.TimeLimit)] = o => o.WithTimeLimit(TimeSpan.FromSeconds(3)),
        [nameof(ExplorationOptions.PctDepth)] = o => o.WithPctDepth(5),
        [nameof(ExplorationOptions.PreemptionBound)] = o => o.WithPreemptionBound(2),
        [nameof(ExplorationOptions.LivenessBound)] = o => o.WithLivenessBound(33),
        [nameof(ExplorationOptions.FairNonTerminationIsBug)] = o => o.WithFairNonTerminationIsBug(false),
        [nameof(ExplorationOptions.DetectDataRaces)] = o => o.WithDataRaceDetection(false),
        [nameof(ExplorationOptions.HangTimeout)] = o => o.WithHangTimeout(TimeSpan.FromSeconds(2)),
        [nameof(ExplorationOptions.TraceDirectory)] = o => o.WithTraceDirectory("elsewhere"),
        [nameof(ExplorationOptions.Parallelism)] = o => o.WithParallelism(3),
        [nameof(ExplorationOptions.ShardIndex)] = o => o.WithShard(1, 2),
        [nameof(ExplorationOptions.ShardCount)] = o => o.WithShard(1, 2),
        [nameof(ExplorationOptions.Minimize)] = o => o.WithMinimization(false),
        [nameof(ExplorationOptions.MinimizeBudget)] = o => o.WithMinimizeBudget(5),
        [nameof(ExplorationOptions.ReplayHint)] = o => o.WithReplayHint("replay {trace}"),
        [nameof(ExplorationOptions.ContinueAfterDataRace)] = o => o.WithContinueAfterDataRace(true),
    };

    [Test]
    public void Options_HaveAWithMethodForEverySetting_ThatChangesIt()
    {
        var settings = typeof(ExplorationOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null).ToList();

        Assert.That(settings.Select(p => p.Name), Is.EquivalentTo(WithEverySetting.Keys), "a setting without a With* method, or a stale entry here");
        foreach (PropertyInfo setting in settings)
        {
            object? before = setting.GetValue(ExplorationOptions.Default);
            object? after = setting.GetValue(WithEverySetting[setting.Name](ExplorationOptions.Default));
            Assert.That(after, Is.Not.EqualTo(before), setting.Name);
        }
    }
}
