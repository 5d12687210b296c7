using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Strategies;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Detection;

public sealed class RaceDetectionTests
{
    private static ExplorationOptions Options => ExplorationOptions.Default.WithIterations(300)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces", TestContext.CurrentContext.Test.Name));

    /// <summary>Publishes data through a plain flag: racy, though most schedules happen to show the data.</summary>
    private static void PublishThroughPlainFlag()
    {
        var data = new Shared<int>(0, "data");
        var ready = new Shared<bool>(false, "ready");
        var writer = new ControlledThread(() =>
        {
            data.Write(42);
            ready.Write(true);
        }, "writer");
        writer.Start();
        if (ready.Read()) Specification.Assert(data.Read() == 42, "saw ready before the data");
        writer.Join();
    }

    [Test]
    public void Race_HiddenBehindALuckySchedule_IsStillReported()
    {
        ScheduleTrace lucky = TestingEngine.RecordSchedule("publish", PublishThroughPlainFlag, Options, new NonPreemptiveStrategy());

        Assert.That(lucky.Bug?.Kind, Is.EqualTo(Lab.Systematic.Detection.BugKind.DataRace), "the non-preemptive schedule passes the assertion");
        Assert.That(lucky.Bug!.Message, Does.Contain("data race on 'ready': main read it at RaceDetectionTests.cs:").And.Contain("writer writes it at RaceDetectionTests.cs:"));
    }

    [Test]
    public void Race_OnAPlainCounter_IsReportedWithBothAccessesAndTheirLines()
    {
        TestReport report = TestingEngine.Explore("counter", Programs.LostUpdate, Options.WithMinimization(false));

        Assert.That(report.FirstRace!.Message, Does.Match(@"data race on 'count': T\d (wrote|read) it at Programs\.cs:\d+ and T\d (writes|reads) it at Programs\.cs:\d+"));
    }

    [Test]
    public void NoFalseAlarm_OnLockedSignalledOrJoinedCode()
    {
        static void Body()
        {
            var gate = new Lock("gate");
            var locked = new Shared<int>(0, "locked");
            var signalled = new Shared<int>(0, "signalled");
            var joined = new Shared<int>(0, "joined");
            var published = new SemaphoreSlim(0, name: "published");
            var worker = new ControlledThread(() =>
            {
                using (gate.EnterScope()) locked.Write(locked.Read() + 1);
                signalled.Write(7);
                published.Release();
                joined.Write(9);
            }, "worker");
            worker.Start();
            using (gate.EnterScope()) locked.Write(locked.Read() + 1);
            published.Wait();
            Specification.Assert(signalled.Read() == 7, "the semaphore orders the write before this read");
            worker.Join();
            Specification.Assert(joined.Read() == 9, "Join orders the write before this read");
        }

        TestReport report = TestingEngine.Explore("ordered", Body, Options.WithStrategy(StrategyKind.Dfs).WithIterations(10_000));

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
    }
}
