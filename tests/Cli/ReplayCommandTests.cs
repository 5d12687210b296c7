using System.Text.Json.Nodes;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

public sealed class ReplayCommandTests
{
    private ScratchDirectory _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchDirectory();

    [TearDown]
    public void DeleteScratch() => _scratch.Dispose();

    [Test]
    public void Replay_RecordedTrace_ExitsTwoAndShowsTheSameFailure()
    {
        string trace = Record("races/lost-update");

        CliResult result = LabCli.Run("replay", trace);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Output, Does.Contain("REPRODUCED: AssertionFailure").And.Contain("count is 1, expected 2: an increment was lost"));
            Assert.That(result.Output, Does.Contain("read Buggy._count @LostUpdate.cs"));
        });
    }

    [Test]
    public void Replay_LongTrace_ShowsItsEdgesByDefaultAndEveryStepWithSteps()
    {
        // The trace as found: the minimised one is a short fair lasso now, too short to need omitting steps.
        string trace = Record("livelocks/polite-philosophers").Replace("-min.json", ".json", StringComparison.Ordinal);
        Assert.That(File.Exists(trace), Is.True, trace);
        int steps = JsonNode.Parse(File.ReadAllText(trace))!["steps"]!.AsArray().Count;

        CliResult edges = LabCli.Run("replay", trace);
        CliResult all = LabCli.Run("replay", trace, "--steps");

        Assert.Multiple(() =>
        {
            Assert.That(edges.ExitCode, Is.EqualTo(2));
            Assert.That(all.ExitCode, Is.EqualTo(2));
            Assert.That(edges.Output, Does.Contain("steps omitted"));
            Assert.That(all.Output, Does.Not.Contain("steps omitted"));
            Assert.That(RowNumbers(all.Output), Is.EqualTo(Enumerable.Range(1, steps)));
        });
    }

    [Test]
    public void Replay_MissingTrace_ExitsOneSayingItDoesNotExist()
    {
        CliResult result = LabCli.Run("replay", _scratch.Combine("nowhere.json"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("nowhere.json").And.Contain("does not exist"));
        });
    }

    [Test]
    public void Replay_TruncatedTrace_ExitsOneSayingItIsCorrupt()
    {
        string trace = Record("races/lost-update");
        string text = File.ReadAllText(trace);
        File.WriteAllText(trace, text[..(text.Length / 2)]);

        CliResult result = LabCli.Run("replay", trace);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("corrupt or truncated"));
        });
    }

    [Test]
    public void Replay_TraceOfAnUnknownScenario_ExitsOneNamingIt()
    {
        string trace = Rewrite(Record("races/lost-update"), json => json["test"] = "races/no-such-thing (buggy)");

        CliResult result = LabCli.Run("replay", trace);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("unknown scenario 'races/no-such-thing'"));
        });
    }

    [Test]
    public void Replay_TraceThatNoLongerMatchesTheCode_ExitsOneSayingWhereItParts()
    {
        string trace = Rewrite(Record("races/lost-update"), json => json["test"] = "races/lost-update (fixed)");

        CliResult result = LabCli.Run("replay", trace);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("no longer matches the code").And.Contain("replay diverged at"));
        });
    }

    [Test]
    public void Replay_SubmissionTraceWithoutTheFile_ExitsOneAskingForIt()
    {
        string trace = Rewrite(Record("races/lost-update"), json => json["test"] = "races/lost-update (submission)");

        CliResult result = LabCli.Run("replay", trace);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("--submission"));
        });
    }

    [Test]
    public void Replay_SubmissionTraceWithTheFile_RecompilesItAndReproduces()
    {
        Exercise exercise = ExerciseCatalog.Find("lost-update");
        string starter = Path.Combine(TestFiles.Exercises, exercise.FileName);
        var settings = new GradingSettings { TraceDirectory = _scratch.Path, Budget = 200 };
        ExerciseResult graded = SubmissionGrader.Grade(exercise, SubmissionCompiler.CompileFile(starter), [], settings);
        string output = graded.Checks.Single(c => c.Name == CheckNames.Exploration).Output;
        string trace = new CliResult(0, output, "").ValueAfter("trace");

        CliResult result = LabCli.Run("replay", trace, "--submission", starter);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain($"--submission \"{starter}\""));
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Output, Does.Contain("REPRODUCED: AssertionFailure").And.Contain("@Counter.cs"));
        });
    }

    private string Record(string scenario)
    {
        CliResult explored = LabCli.Run("explore", scenario, "--trace-dir", _scratch.Combine(scenario.Replace('/', '-')));
        Assert.That(explored.ExitCode, Is.EqualTo(2), explored.Output + explored.Error);
        return explored.ValueAfter("trace");
    }

    private static string Rewrite(string trace, Action<JsonNode> change)
    {
        JsonNode json = JsonNode.Parse(File.ReadAllText(trace))!;
        change(json);
        File.WriteAllText(trace, json.ToJsonString());
        return trace;
    }

    private static IEnumerable<int> RowNumbers(string output) =>
        output.Split('\n').Select(line => line.Split('|')[0].Trim()).Where(cell => cell.Length > 0 && cell.All(char.IsDigit)).Select(int.Parse);
}
