using System.Text.Json;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>
/// One grading run over a hostile class (tests/Cli/Hostile): each folder is one attack on the grader, graded to the
/// verdict it deserves, while the one honest student keeps full marks and no process outlives the run.
/// </summary>
[TestFixture]
public sealed class HostileClassTests
{
    private ScratchDirectory _out = null!;
    private CliResult _run = null!;

    [OneTimeSetUp]
    public void GradeTheHostileClass()
    {
        _out = new ScratchDirectory();
        _run = LabCli.Run("grade", TestFiles.Hostile, "--out", _out.Path, "--exercise", "lost-update", "--timeout", "30s");
    }

    [OneTimeTearDown]
    public void DeleteTheReports() => _out.Dispose();

    [Test]
    public void Grade_HostileClass_RunsToTheEndAndLeavesNoProcessBehind()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_run.ExitCode, Is.EqualTo(0), _run.Output + _run.Error);
            Assert.That(LeftoverProcesses.Mentioning(TestFiles.Hostile), Is.Empty);
        });
    }

    [Test]
    public void Grade_HonestStudent_KeepsFullMarksWhateverTheOthersDo()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["honest"], Is.EqualTo("lost-update=Correct"));
            Assert.That(Score("honest"), Is.EqualTo(10));
        });
    }

    [Test]
    public void Grade_ResultForgedOnStandardOutput_EarnsNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["forges-stdout"], Is.EqualTo("lost-update=Crashed"));
            Assert.That(Score("forges-stdout"), Is.EqualTo(0));
        });
    }

    [Test]
    public void Grade_ProcessExitHandlerPrintingAPerfectResult_KeepsItsRealVerdict()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["process-exit-handler"], Is.EqualTo("lost-update=Buggy"));
            Assert.That(Score("process-exit-handler"), Is.EqualTo(0));
        });
    }

    private double Score(string student)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradescope", student, "results.json")));
        return document.RootElement.GetProperty("score").GetDouble();
    }

    private Dictionary<string, string> Verdicts() =>
        Csv.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradebook.csv"))).Skip(1).ToDictionary(r => r[0], r => r[^1]);
}
