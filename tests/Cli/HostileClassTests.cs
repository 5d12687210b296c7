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
        _run = LabCli.Run("grade", TestFiles.Hostile, "--out", _out.Path, "--exercise", "lost-update", "--timeout", "15s");
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

    [TestCase("forges-stdout", "System.Console.OpenStandardOutput", "the console")]
    [TestCase("exits", "System.Environment.Exit", "the process environment")]
    [TestCase("process-exit-handler", "System.AppDomain", "the application domain")]
    [TestCase("reflection-on-the-engine", "System.Type.get_Assembly", "reflection")]
    [TestCase("monitor-by-type-name", "System.Type.GetType", "reflection")]
    [TestCase("wraps-the-reference-fix", "Lab.Scenarios.Races.LostUpdate+Fixed", "a reference implementation or part of the lab, not a contract")]
    [TestCase("dynamic-dispatch", "Microsoft.CSharp.RuntimeBinder", "dynamic")]
    [TestCase("plinq", "System.Linq.ParallelEnumerable.AsParallel", "PLINQ")]
    [TestCase("channels", "System.Threading.Channels.Channel", "channels")]
    [TestCase("timers", "System.Timers.Timer", "timers")]
    [TestCase("kills-the-grader", "P/Invoke method Kill", "interop")]
    [TestCase("spawns-a-process", "System.Diagnostics.Process.Start", "processes")]
    [TestCase("opens-a-socket", "System.Net.Sockets.TcpClient", "the network")]
    [TestCase("reads-another-student", "System.IO.File.ReadAllText", "files and streams")]
    public void Grade_SubmissionReachingPastTheAllowlist_IsACompileErrorNamingTheMemberAndLine(string student, string member, string why)
    {
        string output = Output(student);

        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()[student], Is.EqualTo("lost-update=CompileError"));
            Assert.That(Score(student), Is.EqualTo(0));
            Assert.That(output, Does.Match(@"Counter\.cs\(\d+,\d+\): error LAB003: "));
            Assert.That(output, Does.Contain(member).And.Contain($"({why})"));
        });
    }

    [Test]
    public void Grade_ResultForgedOnStandardOutput_EarnsNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["forges-stdout"], Is.Not.EqualTo("lost-update=Correct"));
            Assert.That(Score("forges-stdout"), Is.EqualTo(0));
        });
    }

    [Test]
    public void Grade_ProcessExitHandlerPrintingAPerfectResult_EarnsNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["process-exit-handler"], Is.Not.EqualTo("lost-update=Correct"));
            Assert.That(Score("process-exit-handler"), Is.EqualTo(0));
        });
    }

    [Test]
    public void Grade_TwentyKilobytesOfNestedParentheses_CostsOnlyItsOwnExercise()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["nested-parentheses"], Is.EqualTo("lost-update=CompileError"));
            Assert.That(Output("nested-parentheses"), Does.Contain("The compiler could not compile this file"));
        });
    }

    [Test]
    public void Grade_NestedLambdasOverOverloads_TimesOutWhileCompilingAndCostsOnlyItsOwnExercise()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["nested-lambdas"], Is.EqualTo("lost-update=TimedOut"));
            Assert.That(Output("nested-lambdas"), Does.StartWith("Compiling the file did not finish within the time limit"));
        });
    }

    private string Output(string student)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradescope", student, "results.json")));
        return document.RootElement.GetProperty("tests")[0].GetProperty("output").GetString()!;
    }

    private double Score(string student)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradescope", student, "results.json")));
        return document.RootElement.GetProperty("score").GetDouble();
    }

    private Dictionary<string, string> Verdicts() =>
        Csv.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradebook.csv"))).Skip(1).ToDictionary(r => r[0], r => r[^1]);
}
