using System.Text.Json;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>
/// The async exercise end to end: one real <c>lab grade --exercise async-once</c> over the samples, each file compiled,
/// rewritten and explored in the sandboxed worker; the still buggy sample's interleaving replays from its trace.
/// </summary>
[TestFixture]
public sealed class AsyncOnceGradingTests
{
    private ScratchDirectory _out = null!;
    private CliResult _run = null!;

    [OneTimeSetUp]
    public void GradeTheSamples()
    {
        _out = new ScratchDirectory();
        _run = LabCli.Run("grade", TestFiles.Samples, "--out", _out.Path, "--exercise", "async-once", "--timeout", "30s");
    }

    [OneTimeTearDown]
    public void DeleteTheReports() => _out.Dispose();

    [Test]
    public void Grade_AsyncOnceSamples_TheSemaphoreFixIsCorrect_AndTheLockedCheckAcrossAnAwaitIsBuggy()
    {
        Dictionary<string, string> verdicts = Csv.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradebook.csv"))).Skip(1).ToDictionary(r => r[0], r => r[^1]);

        Assert.Multiple(() =>
        {
            Assert.That(_run.ExitCode, Is.EqualTo(0), _run.Output + _run.Error);
            Assert.That(verdicts["correct"], Is.EqualTo("async-once=Correct"));
            Assert.That(verdicts["still-buggy"], Is.EqualTo("async-once=Buggy"));
            Assert.That(Score("correct"), Is.EqualTo(10));
        });
    }

    [Test]
    public void Grade_StillBuggyAsyncOnce_ShowsTheSecondLoadAndAReplayThatReproducesIt()
    {
        string output = Tests("still-buggy").Single(t => t.GetProperty("name").GetString() == "async-once: explores without a bug").GetProperty("output").GetString()!;
        string trace = new CliResult(0, output, "").ValueAfter("trace");

        CliResult replay = LabCli.Run("replay", trace, "--submission", TestFiles.Sample("still-buggy", "AsyncOnce.cs"));

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.StartWith("AssertionFailure").And.Contain("the loader ran 2 times for two overlapping calls").And.Contain("at AsyncOnceScenario.cs:"));
            Assert.That(output, Does.Contain("await(").And.Contain("suspends @"), "the interleaving shows the await that let the second caller in");
            Assert.That(replay.ExitCode, Is.EqualTo(2), replay.Output + replay.Error);
            Assert.That(replay.Output, Does.Contain("REPRODUCED: AssertionFailure").And.Contain("the loader ran 2 times"));
        });
    }

    private double Score(string student) => Results(student).GetProperty("score").GetDouble();

    private IEnumerable<JsonElement> Tests(string student) => Results(student).GetProperty("tests").EnumerateArray().ToList();

    private JsonElement Results(string student)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradescope", student, "results.json")));
        return document.RootElement.Clone();
    }
}
