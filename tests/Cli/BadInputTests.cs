using System.Diagnostics;
using System.Text.Json.Nodes;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>Every bad input is one line on stderr, exit code 1, no stack trace, and is caught before any work starts.</summary>
public sealed class BadInputTests
{
    private ScratchDirectory _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchDirectory();

    [TearDown]
    public void DeleteScratch() => _scratch.Dispose();

    [TestCase("nan")]
    [TestCase("infinity")]
    [TestCase("-infinity")]
    [TestCase("1e400s")]
    public void Explore_TimeLimitThatIsNoDuration_ExitsOneNamingTheOption(string value)
    {
        CliResult result = LabCli.Run("explore", "races/lost-update", "--time-limit", value);

        AssertOneLineUsageError(result, "--time-limit takes a duration such as 30s");
    }

    [Test]
    public void Grade_TimeoutOverflowingTheClock_ExitsOneNamingTheRange()
    {
        CliResult result = LabCli.Run("grade", TestFiles.Samples, "--out", _scratch.Combine("out"), "--timeout", "100000000h");

        AssertOneLineUsageError(result, "--timeout takes a duration such as 30s, 2m, 1500ms or 00:01:30, from 2s to 7d");
    }

    [Test]
    public void Grade_TimeoutBelowTheMinimum_ExitsOneInsteadOfTimingEveryStudentOut()
    {
        CliResult result = LabCli.Run("grade", TestFiles.Samples, "--out", _scratch.Combine("out"), "--timeout", "1ms");

        AssertOneLineUsageError(result, "'1ms' is too short");
    }

    [Test]
    public void Option_NotANumber_NamesTheOptionAndTheFormWithoutTypeNamesOrHelp()
    {
        CliResult result = LabCli.Run("explore", "races/lost-update", "--iterations", "many");

        Assert.Multiple(() =>
        {
            AssertOneLineUsageError(result, "--iterations takes a whole number; 'many' is not one");
            Assert.That(result.Error, Does.Not.Contain("System.").And.Not.Contain("Usage:"));
            Assert.That(result.Output, Is.Empty);
        });
    }

    [Test]
    public void Grade_UnwritableOut_ExitsOneBeforeGradingAnyone()
    {
        string blocker = _scratch.Combine("a-file");
        File.WriteAllText(blocker, "");

        CliResult result = LabCli.Run("grade", TestFiles.Samples, "--out", Path.Combine(blocker, "out"));

        Assert.Multiple(() =>
        {
            AssertOneLineUsageError(result, "--out");
            Assert.That(result.Error, Does.Contain("cannot be written"));
            Assert.That(result.Output, Does.Not.Contain("Grading"));
        });
    }

    [Test]
    public void Grade_OutInsideTheSubmissionsFolder_IsRefused()
    {
        Directory.CreateDirectory(_scratch.Combine("class", "alice"));

        CliResult result = LabCli.Run("grade", _scratch.Combine("class"), "--out", _scratch.Combine("class", "reports"));

        Assert.Multiple(() =>
        {
            AssertOneLineUsageError(result, "is inside the submissions folder");
            Assert.That(Directory.Exists(_scratch.Combine("class", "reports")), Is.False);
        });
    }

    [Test]
    public void Explore_UnwritableHtml_ExitsOneBeforeExploring()
    {
        string blocker = _scratch.Combine("a-file");
        File.WriteAllText(blocker, "");

        CliResult result = LabCli.Run("explore", "races/lost-update", "--html", Path.Combine(blocker, "timeline.html"));

        Assert.Multiple(() =>
        {
            AssertOneLineUsageError(result, "--html");
            Assert.That(result.Output, Does.Not.Contain("Exploring"));
        });
    }

    [Test]
    public void Explore_UnwritableTraceDirectory_ExitsOneBeforeExploring()
    {
        string blocker = _scratch.Combine("a-file");
        File.WriteAllText(blocker, "");

        CliResult result = LabCli.Run("explore", "races/lost-update", "--trace-dir", Path.Combine(blocker, "traces"));

        Assert.Multiple(() =>
        {
            AssertOneLineUsageError(result, "--trace-dir");
            Assert.That(result.Output, Does.Not.Contain("Exploring"));
        });
    }

    [Test]
    public void Bench_UnwritableOut_ExitsOneBeforeMeasuring()
    {
        string blocker = _scratch.Combine("a-file");
        File.WriteAllText(blocker, "");

        CliResult result = LabCli.Run("bench", "--quick", "--out", Path.Combine(blocker, "bench"));

        AssertOneLineUsageError(result, "--out");
    }

    [Test]
    public void Replay_NamedPipe_IsRefusedWithoutOpeningIt()
    {
        Assume.That(OperatingSystem.IsLinux(), "named pipes as files are a Unix thing");
        string fifo = _scratch.Combine("trace.json");
        using (Process mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();

        CliResult result = LabCli.Run("replay", fifo);

        AssertOneLineUsageError(result, "corrupt trace: ");
        Assert.That(result.Error, Does.Contain("not a regular file"));
    }

    [TestCase("test")]
    [TestCase("strategy")]
    public void Replay_TraceWithANullField_IsACorruptTraceNamingTheField(string field)
    {
        string trace = Recorded(json => json[field] = null);

        CliResult result = LabCli.Run("replay", trace);

        AssertOneLineUsageError(result, $"corrupt trace: {field}");
    }

    [TestCase("op")]
    [TestCase("do")]
    public void Replay_TraceWithANullStepField_IsACorruptTraceNamingTheField(string field)
    {
        string trace = Recorded(json => json["steps"]![0]![field] = null);

        CliResult result = LabCli.Run("replay", trace);

        AssertOneLineUsageError(result, $"corrupt trace: {field}");
    }

    private string Recorded(Action<JsonNode> change)
    {
        CliResult explored = LabCli.Run("explore", "races/lost-update", "--trace-dir", _scratch.Combine("traces"));
        Assert.That(explored.ExitCode, Is.EqualTo(2), explored.Output + explored.Error);
        string trace = explored.ValueAfter("trace");
        JsonNode json = JsonNode.Parse(File.ReadAllText(trace))!;
        change(json);
        File.WriteAllText(trace, json.ToJsonString());
        return trace;
    }

    private static void AssertOneLineUsageError(CliResult result, string expected)
    {
        string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
            Assert.That(result.Error, Does.Contain(expected));
            Assert.That(lines.Count(l => l.StartsWith("error: ", StringComparison.Ordinal)), Is.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }
}
