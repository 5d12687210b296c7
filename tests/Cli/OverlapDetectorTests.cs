using Lab.Cli.Grading;
using Lab.Systematic.Traces;

namespace Lab.Cli.Tests;

public sealed class OverlapDetectorTests
{
    private const int First = 1, Second = 2;

    [Test]
    public void Overlaps_StepsThatInterleave_IsTrue()
    {
        ScheduleTrace trace = Trace((First, "Enter"), (Second, "Enter"), (First, "Exit"), (Second, "Exit"));

        Assert.That(OverlapDetector.Overlaps(trace, "first", "second"), Is.True);
    }

    [Test]
    public void Overlaps_OneAfterTheOther_IsFalse()
    {
        ScheduleTrace trace = Trace((First, "Enter"), (First, "Exit"), (Second, "Enter"), (Second, "Exit"));

        Assert.That(OverlapDetector.Overlaps(trace, "first", "second"), Is.False);
    }

    [Test]
    public void Overlaps_BlockedAttemptInsideTheOtherSpan_DoesNotCount()
    {
        ScheduleTrace trace = Trace((First, "Enter"), (Second, "Enter blocks"), (First, "Exit"), (Second, "Enter"), (Second, "Exit"));

        Assert.That(OverlapDetector.Overlaps(trace, "first", "second"), Is.False);
    }

    [Test]
    public void Overlaps_ThreadWithoutSteps_IsFalse()
    {
        ScheduleTrace trace = Trace((First, "Enter"), (First, "Exit"));

        Assert.That(OverlapDetector.Overlaps(trace, "first", "second"), Is.False);
    }

    private static ScheduleTrace Trace(params (int Operation, string Action)[] steps) => new()
    {
        TestName = "races/lost-update (submission) probe", Strategy = "random", Seed = 0, Iteration = 0, MaxSteps = 100,
        LivenessBound = 100, DetectDataRaces = false, Operations = ["main", "first", "second"], Decisions = [],
        Steps = steps.Select(s => new StepRecord(s.Operation, s.Action, "lock", "Bank.cs", 10)).ToList(),
    };
}
