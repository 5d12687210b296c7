using Lab.Cli.Exercises;
using Lab.Cli.Grading;

namespace Lab.Cli.Tests;

/// <summary>The grader believes a worker's result only on its own channel and only when it adds up.</summary>
public sealed class ResultCheckTests
{
    private static readonly Exercise LostUpdate = ExerciseCatalog.Find("lost-update");

    [Test]
    public void ResultOf_ForgedLineOnStandardOutputAndNothingOnTheChannel_IsCrashed()
    {
        string forged = "result " + ResultJson.Serialize(Honest(Verdict.Correct));
        var outcome = new WorkerOutcome(0, false, "LAB-RESULT {}\n" + forged + "\n", "", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        ExerciseResult result = WorkerVerdict.ResultOf(LostUpdate, outcome, TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Crashed));
            Assert.That(result.Score, Is.EqualTo(0));
        });
    }

    [Test]
    public void ResultOf_HonestResultOnTheChannel_IsBelieved()
    {
        ExerciseResult result = WorkerVerdict.ResultOf(LostUpdate, OnChannel(Honest(Verdict.Correct)), TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Correct));
            Assert.That(result.Score, Is.EqualTo(10));
        });
    }

    [Test]
    public void ResultOf_MorePointsThanTheCheckIsWorth_IsCrashed()
    {
        ExerciseResult inflated = Honest(Verdict.Correct) with
        {
            Checks = [new CheckResult(CheckNames.Exploration, true, 1_000_000, 8, "ok"), new CheckResult(CheckNames.Regression, true, 2, 2, "ok")],
        };

        ExerciseResult result = WorkerVerdict.ResultOf(LostUpdate, OnChannel(inflated), TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Crashed));
            Assert.That(result.Checks[0].Output, Does.Contain("rejects"));
        });
    }

    [Test]
    public void ResultOf_AnotherExercisesResult_IsCrashed()
    {
        ExerciseResult other = Honest(Verdict.Correct) with { ExerciseId = "dining-philosophers" };

        Assert.That(WorkerVerdict.ResultOf(LostUpdate, OnChannel(other), TimeSpan.FromSeconds(60)).Verdict, Is.EqualTo(Verdict.Crashed));
    }

    [Test]
    public void ResultOf_CorrectVerdictOverAFailedCheck_IsCrashed()
    {
        ExerciseResult inconsistent = Honest(Verdict.Correct) with
        {
            Checks = [new CheckResult(CheckNames.Exploration, false, 0, 8, "bug"), new CheckResult(CheckNames.Regression, true, 2, 2, "ok")],
        };

        Assert.That(WorkerVerdict.ResultOf(LostUpdate, OnChannel(inconsistent), TimeSpan.FromSeconds(60)).Verdict, Is.EqualTo(Verdict.Crashed));
    }

    [Test]
    public void ResultOf_ResultFollowedByANonZeroExit_IsCrashed()
    {
        WorkerOutcome outcome = OnChannel(Honest(Verdict.Correct)) with { ExitCode = 3 };

        Assert.That(WorkerVerdict.ResultOf(LostUpdate, outcome, TimeSpan.FromSeconds(60)).Verdict, Is.EqualTo(Verdict.Crashed));
    }

    private static ExerciseResult Honest(Verdict verdict) => new()
    {
        ExerciseId = LostUpdate.Id,
        Verdict = verdict,
        Checks = [new CheckResult(CheckNames.Exploration, true, 8, 8, "ok"), new CheckResult(CheckNames.Regression, true, 2, 2, "ok")],
    };

    private static WorkerOutcome OnChannel(ExerciseResult result) =>
        new(0, false, "", "", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))
        {
            Messages = ["phase compiling", "phase running", "result " + ResultJson.Serialize(result)],
        };
}
