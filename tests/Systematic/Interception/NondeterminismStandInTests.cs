using System.Diagnostics;
using System.Threading;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>Random and the clocks, which the engine owns inside an exploration.</summary>
public sealed class NondeterminismStandInTests
{
    private static int s_drawLine;

    /// <summary>Picks one of three accounts at random; only account 2 is broken.</summary>
    private static void PickAnAccount()
    {
        Random random = RandomStandIn.New(Site.File(), Site.Line());
        s_drawLine = Site.Line(); int account = RandomStandIn.Next(random, 3, Site.File(), s_drawLine);
        Specification.Assert(account != 2, "account 2 overdraws");
    }

    [Test]
    public void BoundedRandomDraw_IsAnExploredChoice_SoDfsFindsTheRareValue_AndReplaysIt()
    {
        var seen = new HashSet<int>();
        TestReport all = Exploring.Exhaustively(() =>
        {
            Random random = RandomStandIn.get_Shared(Site.File(), Site.Line());
            seen.Add(RandomStandIn.Next(random, 10, 13, Site.File(), Site.Line()));
        });
        TestReport report = Exploring.Exhaustively(PickAnAccount);

        Assert.That(all, Is.BugFree());
        Assert.That(all.Iterations, Is.EqualTo(3));
        Assert.That(seen, Is.EquivalentTo(new[] { 10, 11, 12 }));
        Assert.That(report, Finds.AssertionFailure().Mentioning("account 2 overdraws"));
        Assert.That(report.Trace!.Steps.Single(s => s.Action == "Random.Next").Describe(), Is.EqualTo("Random.Next = 2"));
        Assert.That(report.Trace.Steps.Single(s => s.Action == "Random.Next").Location, Is.EqualTo(Site.At(s_drawLine)));
        Assert.That(Exploring.Replayed(report, PickAnAccount), Is.EqualTo(report.Bug));
    }

    [Test]
    public void UnboundedDraws_AreTheSameInEveryIteration()
    {
        var draws = new HashSet<(int, double, int)>();
        TestReport report = Exploring.Randomly(() =>
        {
            Random unseeded = RandomStandIn.New(Site.File(), Site.Line());
            Random seeded = RandomStandIn.New(7, Site.File(), Site.Line());
            draws.Add((RandomStandIn.Next(unseeded, Site.File(), Site.Line()), RandomStandIn.NextDouble(unseeded, Site.File(), Site.Line()),
                RandomStandIn.Next(seeded, Site.File(), Site.Line())));
        }, iterations: 20);

        Assert.That(report, Is.BugFree());
        Assert.That(draws, Has.Count.EqualTo(1));
        Assert.That(draws.Single().Item3, Is.EqualTo(new Random(7).Next()), "a seeded Random's unbounded draws follow its seed");
    }

    [Test]
    public void VirtualTime_StartsAtTheEpoch_AndMovesOnlyBySleepsAndTimeouts()
    {
        var readings = new HashSet<string>();
        TestReport report = Exploring.Exhaustively(() =>
        {
            DateTime start = DateTimeStandIn.get_UtcNow(Site.File(), Site.Line());
            long ticks = EnvironmentStandIn.get_TickCount64(Site.File(), Site.Line());
            Stopwatch watch = StopwatchStandIn.StartNew(Site.File(), Site.Line());
            ThreadStandIn.Sleep(1_000, Site.File(), Site.Line());
            SemaphoreSlim never = SemaphoreSlimStandIn.New(0, Site.File(), Site.Line(), "never");
            bool taken = SemaphoreSlimStandIn.Wait(never, 250, Site.File(), Site.Line());
            long elapsed = StopwatchStandIn.get_ElapsedMilliseconds(watch, Site.File(), Site.Line());
            long tickDelta = EnvironmentStandIn.get_TickCount64(Site.File(), Site.Line()) - ticks;
            TimeSpan wall = DateTimeStandIn.get_UtcNow(Site.File(), Site.Line()) - start;
            readings.Add($"{start:O} {taken} {elapsed} {tickDelta} {wall.TotalMilliseconds}");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(readings, Is.EquivalentTo(new[] { "2026-01-01T00:00:00.0000000Z False 1250 1250 1250" }));
    }

    [Test]
    public void Stopwatch_StopAndRestart_MeasureVirtualTime()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            Stopwatch watch = StopwatchStandIn.New(Site.File(), Site.Line());
            StopwatchStandIn.Start(watch, Site.File(), Site.Line());
            ThreadStandIn.Sleep(TimeSpan.FromMilliseconds(30), Site.File(), Site.Line());
            StopwatchStandIn.Stop(watch, Site.File(), Site.Line());
            ThreadStandIn.Sleep(100, Site.File(), Site.Line());
            Specification.Assert(StopwatchStandIn.get_Elapsed(watch, Site.File(), Site.Line()) == TimeSpan.FromMilliseconds(30), "stopped at 30 ms");
            long before = StopwatchStandIn.GetTimestamp(Site.File(), Site.Line());
            StopwatchStandIn.Restart(watch, Site.File(), Site.Line());
            TaskStandIn.Wait(TaskStandIn.Delay(5, Site.File(), Site.Line()), Site.File(), Site.Line());
            Specification.Assert(StopwatchStandIn.get_ElapsedMilliseconds(watch, Site.File(), Site.Line()) == 5, "restarted: 5 ms");
            Specification.Assert(StopwatchStandIn.GetElapsedTime(before, Site.File(), Site.Line()) == TimeSpan.FromMilliseconds(5), "timestamps agree");
            Specification.Assert(StopwatchStandIn.get_IsRunning(watch, Site.File(), Site.Line()), "running after Restart");
        });

        Assert.That(report, Is.BugFree());
    }

    [Test]
    public void OutsideAnExploration_RandomAndClocksAreReal()
    {
        Random seeded = RandomStandIn.New(42, Site.File(), Site.Line());
        var reference = new Random(42);
        Assert.That(RandomStandIn.Next(seeded, 100, Site.File(), Site.Line()), Is.EqualTo(reference.Next(100)));
        Assert.That(RandomStandIn.Next(seeded, 5, 10, Site.File(), Site.Line()), Is.EqualTo(reference.Next(5, 10)));
        Assert.That(RandomStandIn.NextDouble(seeded, Site.File(), Site.Line()), Is.EqualTo(reference.NextDouble()));
        Assert.That(DateTimeStandIn.get_UtcNow(Site.File(), Site.Line()), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(DateTimeStandIn.get_Now(Site.File(), Site.Line()).Kind, Is.EqualTo(DateTimeKind.Local));
        Assert.That(EnvironmentStandIn.get_TickCount64(Site.File(), Site.Line()), Is.EqualTo(Environment.TickCount64).Within(60_000));
        Stopwatch watch = StopwatchStandIn.StartNew(Site.File(), Site.Line());
        Assert.That(StopwatchStandIn.get_IsRunning(watch, Site.File(), Site.Line()), Is.True);
        StopwatchStandIn.Stop(watch, Site.File(), Site.Line());
        Assert.That(StopwatchStandIn.get_Elapsed(watch, Site.File(), Site.Line()), Is.EqualTo(watch.Elapsed));
    }
}
