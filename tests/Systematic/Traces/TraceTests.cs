using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Traces;

public sealed class TraceTests
{
    private static string TraceDirectory => Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces", TestContext.CurrentContext.Test.Name);

    private static ExplorationOptions Options(ulong seed) =>
        ExplorationOptions.Default.WithSeed(seed).WithIterations(500).WithTraceDirectory(TraceDirectory);

    [Test]
    public void SameSeed_GivesByteIdenticalTraces_AcrossRuns()
    {
        TestReport first = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options(42).WithContinueAfterDataRace(true).WithTraceDirectory(TraceDirectory + "-a"));
        TestReport second = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options(42).WithContinueAfterDataRace(true).WithTraceDirectory(TraceDirectory + "-b"));

        Assert.That(first, Finds.AssertionFailure());
        Assert.That(second.BugIteration, Is.EqualTo(first.BugIteration));
        Assert.That(File.ReadAllBytes(second.TracePath!), Is.EqualTo(File.ReadAllBytes(first.TracePath!)));
    }

    [Test]
    public void DifferentSeeds_ExploreDifferentSchedules()
    {
        static IReadOnlyList<Decision> FirstSchedule(ulong seed) => TestingEngine.Explore("locked",
            () =>
            {
                Programs.LockedIncrement();
                Specification.Assert(false, "stop after the first iteration to capture its schedule");
            },
            ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithSeed(seed).WithMinimization(false).WithTraceDirectory(TraceDirectory)).Trace!.Decisions;

        var schedules = Enumerable.Range(1, 8).Select(seed => string.Join(",", FirstSchedule((ulong)seed))).ToHashSet();

        Assert.That(schedules, Has.Count.GreaterThan(1));
    }

    [Test]
    public void Replay_ReproducesTheFailure_AndSerialisesToTheSameBytes()
    {
        TestReport report = TestingEngine.Explore("lock-order", Programs.LockOrderInversion, Options(3));

        TestReport replay = TestingEngine.Replay("lock-order", report.TracePath!, Programs.LockOrderInversion);

        Assert.That(replay, Finds.Deadlock());
        Assert.That(replay.Bug!.Message, Is.EqualTo(report.Bug!.Message));
        Assert.That(TraceFile.ToJson(replay.Trace!), Is.EqualTo(File.ReadAllText(report.TracePath!)));
    }

    [Test]
    public void Replay_OfATraceRecordedForAnotherTest_IsRefusedWithAClearError()
    {
        TestReport report = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options(5));

        var error = Assert.Throws<TraceFormatException>(() => TestingEngine.Replay("lock-order", report.TracePath!, Programs.LockOrderInversion));

        Assert.That(error!.Message, Does.Contain("recorded for test 'lost-update', not for 'lock-order'"));
    }

    [Test]
    public void Replay_AgainstChangedCode_ReportsDivergenceAtTheFirstDifferingStep()
    {
        TestReport report = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options(9));

        TestReport replay = TestingEngine.Replay("lost-update", report.TracePath!, Programs.LockedIncrement);

        Assert.That(replay, Finds.Bug(BugKind.ReplayDivergence).Mentioning("replay diverged"));
    }

    [TestCase("{ this is not json", "not valid JSON")]
    [TestCase("", "not valid JSON")]
    [TestCase("[1, 2, 3]", "not a JSON object")]
    [TestCase("{\"format\": \"lab-trace/1\", \"test\": \"x\"}", "the field 'operations' is missing")]
    [TestCase("{\"format\": \"other/9\"}", "this lab reads 'lab-trace/1'")]
    public void Load_OfACorruptTrace_ThrowsTraceFormatExceptionSayingWhy(string content, string reason)
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"corrupt-{Math.Abs(content.GetHashCode())}.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<TraceFormatException>(() => TraceFile.Load(path));

        Assert.That(error!.Message, Does.Contain(reason));
        Assert.That(error.Message, Does.Contain(path));
    }

    [Test]
    public void Load_OfATruncatedTrace_ThrowsTraceFormatException()
    {
        TestReport report = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options(1));
        string text = File.ReadAllText(report.TracePath!);
        string truncated = Path.Combine(TraceDirectory, "truncated.json");
        File.WriteAllText(truncated, text[..(text.Length / 2)]);

        var error = Assert.Throws<TraceFormatException>(() => TraceFile.Load(truncated));

        Assert.That(error!.Message, Does.Contain("corrupt or truncated"));
    }

    [Test]
    public void Load_OfAMissingFile_SaysItDoesNotExist()
    {
        var error = Assert.Throws<TraceFormatException>(() => TraceFile.Load(Path.Combine(TraceDirectory, "nowhere.json")));

        Assert.That(error!.Message, Does.Contain("does not exist"));
    }

    [Test]
    public void ReplayVariable_MakesExploreReplayTheTraceForItsTest()
    {
        TestReport report = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options(13));
        Environment.SetEnvironmentVariable(TestingEngine.ReplayVariable, report.TracePath);
        try
        {
            TestReport replayed = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options(999));
            TestReport other = TestingEngine.Explore("locked", Programs.LockedIncrement, Options(999).WithIterations(5));

            Assert.That(replayed.IsReplay, Is.True);
            Assert.That(replayed.Bug, Is.EqualTo(report.Bug! with { StackTrace = null }));
            Assert.That(other.IsReplay, Is.False, "a trace only replays for the test it was recorded for");
        }
        finally
        {
            Environment.SetEnvironmentVariable(TestingEngine.ReplayVariable, null);
        }
    }

    [Test]
    public void Renderer_ShowsOneColumnPerThread_AndTheSourceLineOfEachStep()
    {
        TestReport report = TestingEngine.Explore("lock-order", Programs.LockOrderInversion, Options(2));

        string[] lines = TraceRenderer.Render(report.Trace!).Split('\n');

        Assert.That(lines[0], Does.Contain("main").And.Contain("T1").And.Contain("T2"));
        Assert.That(lines.Count(l => l.Contains("Enter(fork0)", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1));
        Assert.That(lines.Where(l => l.Contains("Enter(", StringComparison.Ordinal)), Has.All.Contain("@Programs.cs:"));
        Assert.That(lines.Length - 3, Is.GreaterThanOrEqualTo(report.Trace!.Steps.Count));
    }

    [Test]
    public void RecordSchedule_ReturnsTheWholeScheduleOfAPassingIteration_AndReplaysIt()
    {
        var options = ExplorationOptions.Default.WithSeed(4);

        ScheduleTrace trace = TestingEngine.RecordSchedule("locked", Programs.LockedIncrement, options, new Lab.Systematic.Strategies.RandomStrategy(4));

        Assert.That(trace.Bug, Is.Null);
        Assert.That(trace.Operations, Is.EqualTo(new[] { "main", "T1", "T2" }));
        Assert.That(trace.Steps.Count(s => s.Describe() == "Enter(gate)"), Is.EqualTo(2));
        TestReport replay = TestingEngine.Replay("locked", trace, Programs.LockedIncrement);
        Assert.That(replay, Is.BugFree());
        Assert.That(TraceFile.ToJson(replay.Trace!), Is.EqualTo(TraceFile.ToJson(trace)));
    }
}
