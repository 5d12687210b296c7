using System.Text.Json;
using System.Xml.Linq;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>
/// One real grading run over the sample submissions (a correct one, a still buggy one, an over-serialised one, one
/// that does not compile, one that hangs, one that overflows its stack), then what each student got and what the
/// report files say.
/// </summary>
[TestFixture]
public sealed class GradingSamplesTests
{
    private const string TimeLimit = "4s";
    private ScratchDirectory _out = null!;
    private CliResult _run = null!;

    [OneTimeSetUp]
    public void GradeTheSamples()
    {
        _out = new ScratchDirectory();
        _run = LabCli.Run("grade", TestFiles.Samples, "--out", _out.Path, "--exercise", "lost-update", "bank-transfer-audit", "--timeout", TimeLimit);
    }

    [OneTimeTearDown]
    public void DeleteTheReports() => _out.Dispose();

    [Test]
    public void Grade_Samples_ExitsZeroAndCountsEachVerdict()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_run.ExitCode, Is.EqualTo(0), _run.Output + _run.Error);
            Assert.That(_run.LastLine, Is.EqualTo(
                "grade: 6 students, 12 submissions: 2 Correct, 1 Buggy, 1 OverSerialised, 1 CompileError, 1 TimedOut, 1 Crashed, 5 Missing"));
        });
    }

    [Test]
    public void Grade_CorrectSubmission_GetsFullMarksOnEveryCheck()
    {
        JsonElement results = Results("correct");

        Assert.Multiple(() =>
        {
            Assert.That(Tests(results).Select(t => t.GetProperty("status").GetString()), Is.All.EqualTo("passed"));
            Assert.That(results.GetProperty("score").GetDouble(), Is.EqualTo(20));
            Assert.That(Verdicts()["correct"], Is.EqualTo("lost-update=Correct; bank-transfer-audit=Correct"));
        });
    }

    [Test]
    public void Grade_StillBuggySubmission_ShowsTheInterleavingAndAReplayCommandThatReproducesIt()
    {
        string output = Test("still-buggy", "lost-update: explores without a bug").GetProperty("output").GetString()!;
        string trace = new CliResult(0, output, "").ValueAfter("trace");

        CliResult replay = LabCli.Run("replay", trace, "--submission", TestFiles.Sample("still-buggy", "Counter.cs"));

        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["still-buggy"], Does.StartWith("lost-update=Buggy"));
            Assert.That(output, Does.Contain("AssertionFailure").And.Contain("an increment was lost").And.Contain("step | main"));
            Assert.That(output, Does.Contain($"--submission \"{TestFiles.Sample("still-buggy", "Counter.cs")}\""));
            Assert.That(replay.ExitCode, Is.EqualTo(2), replay.Output + replay.Error);
            Assert.That(replay.Output, Does.Contain("REPRODUCED: AssertionFailure"));
        });
    }

    [Test]
    public void Grade_OverSerialisedSubmission_LosesOnlyTheConcurrencyPoints()
    {
        JsonElement results = Results("over-serialised");
        JsonElement concurrency = Test("over-serialised", "bank-transfer-audit: keeps the demanded concurrency");

        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["over-serialised"], Does.Contain("bank-transfer-audit=OverSerialised"));
            Assert.That(Test("over-serialised", "bank-transfer-audit: explores without a bug").GetProperty("status").GetString(), Is.EqualTo("passed"));
            Assert.That(concurrency.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(concurrency.GetProperty("output").GetString(), Does.Contain("never overlapped").And.Contain("deposits into different accounts"));
            Assert.That(results.GetProperty("score").GetDouble(), Is.EqualTo(8));
        });
    }

    [Test]
    public void Grade_UncompilableSubmission_GetsTheCompilerMessages()
    {
        string output = Test("does-not-compile", "lost-update: explores without a bug").GetProperty("output").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["does-not-compile"], Does.StartWith("lost-update=CompileError"));
            Assert.That(output, Does.Contain("Counter.cs(15,22): error CS0103: The name 'cuont' does not exist"));
            Assert.That(output, Does.Not.Contain("LAB00"), "the lock statement is ordinary C# now, not a rule violation");
        });
    }

    [Test]
    public void Grade_HangingSubmission_TimesOutWithoutStoppingTheRun()
    {
        string output = Test("hangs", "lost-update: explores without a bug").GetProperty("output").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["hangs"], Does.StartWith("lost-update=TimedOut"));
            Assert.That(output, Does.Contain($"time limit of {TimeLimit.TrimEnd('s')} s").Or.Contain("no scheduling point was reached"),
                "stopped by the worker's time limit, or (on a starved machine) by the engine's hang detection first");
            Assert.That(Verdicts(), Has.Count.EqualTo(6));
        });
    }

    [Test]
    public void Grade_SubmissionOverflowingTheStack_CostsOnlyItsOwnExercise()
    {
        string output = Test("overflows-the-stack", "lost-update: explores without a bug").GetProperty("output").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["overflows-the-stack"], Does.StartWith("lost-update=Crashed"));
            Assert.That(output, Does.Contain("stack overflow"));
            Assert.That(Verdicts()["correct"], Does.StartWith("lost-update=Correct"));
        });
    }

    [Test]
    public void Grade_FileNotHandedIn_IsMissingWithZeroPoints()
    {
        JsonElement missing = Test("still-buggy", "bank-transfer-audit: explores without a bug");

        Assert.Multiple(() =>
        {
            Assert.That(Verdicts()["still-buggy"], Does.EndWith("bank-transfer-audit=Missing"));
            Assert.That(missing.GetProperty("output").GetString(), Does.StartWith("No Bank.cs was handed in"));
            Assert.That(missing.GetProperty("score").GetDouble(), Is.EqualTo(0));
        });
    }

    [TestCase("correct")]
    [TestCase("still-buggy")]
    [TestCase("over-serialised")]
    [TestCase("does-not-compile")]
    [TestCase("hangs")]
    [TestCase("overflows-the-stack")]
    public void GradescopeResults_MatchTheAutograderSchema(string student)
    {
        JsonElement results = Results(student);
        var tests = Tests(results).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(results.GetProperty("score").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(results.GetProperty("execution_time").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(results.GetProperty("output").GetString(), Does.StartWith($"{student}: "));
            Assert.That(tests, Has.Count.EqualTo(5), "2 checks of lost-update, 3 of bank-transfer-audit");
            foreach (JsonElement test in tests)
            {
                Assert.That(test.GetProperty("name").GetString(), Does.Match("^(lost-update|bank-transfer-audit): "));
                Assert.That(test.GetProperty("score").GetDouble(), Is.InRange(0, test.GetProperty("max_score").GetDouble()));
                Assert.That(test.GetProperty("status").GetString(), Is.AnyOf("passed", "failed"));
                Assert.That(test.GetProperty("output").GetString(), Is.Not.Empty);
            }
            Assert.That(tests.Sum(t => t.GetProperty("max_score").GetDouble()), Is.EqualTo(20));
            Assert.That(results.GetProperty("score").GetDouble(), Is.EqualTo(tests.Sum(t => t.GetProperty("score").GetDouble())));
        });
    }

    [Test]
    public void JUnitReport_HasASuitePerStudentAndAFailurePerFailedCheck()
    {
        XDocument junit = XDocument.Load(Path.Combine(_out.Path, "junit.xml"));
        var suites = junit.Root!.Elements("testsuite").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(junit.Root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That(suites.Select(s => (string)s.Attribute("name")!), Is.EqualTo(Verdicts().Keys));
            foreach (XElement suite in suites)
            {
                var cases = suite.Elements("testcase").ToList();
                Assert.That(cases, Has.Count.EqualTo((int)suite.Attribute("tests")!));
                Assert.That(cases.Count(c => c.Element("failure") is not null), Is.EqualTo((int)suite.Attribute("failures")!));
            }
            XElement buggy = suites.Single(s => (string)s.Attribute("name")! == "still-buggy").Elements("testcase").First();
            Assert.That((string)buggy.Attribute("classname")!, Is.EqualTo("still-buggy.lost-update"));
            Assert.That(buggy.Element("failure")!.Value, Does.Contain("step | main"));
        });
    }

    [Test]
    public void CsvGradebook_HasOneRowPerStudentWithScoresAndTotals()
    {
        List<List<string>> rows = Csv.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradebook.csv")));

        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo(new[] { "student", "lost-update", "bank-transfer-audit", "total", "max", "verdicts" }));
            Assert.That(rows.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "correct", "does-not-compile", "hangs", "over-serialised", "overflows-the-stack", "still-buggy" }));
            foreach (List<string> row in rows.Skip(1))
            {
                Assert.That(row, Has.Count.EqualTo(6));
                Assert.That(double.Parse(row[3]), Is.EqualTo(double.Parse(row[1]) + double.Parse(row[2])));
                Assert.That(row[4], Is.EqualTo("20"));
            }
        });
    }

    [Test]
    public void MarkdownSummary_HasATableRowAndASectionPerStudent()
    {
        string summary = File.ReadAllText(Path.Combine(_out.Path, "summary.md"));

        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.StartWith("# Grading summary"));
            Assert.That(summary, Does.Contain("| Student | lost-update | bank-transfer-audit | Total |"));
            Assert.That(summary, Does.Contain("| correct | 10 Correct | 10 Correct | 20 / 20 |"));
            Assert.That(summary, Does.Contain("| over-serialised | 0 Missing | 8 OverSerialised | 8 / 20 |"));
            foreach (string student in Verdicts().Keys) Assert.That(summary, Does.Contain($"## {student}"));
        });
    }

    [Test]
    public void Reports_AreWrittenWithoutLeavingTemporaryFiles()
    {
        Assert.That(Directory.GetFiles(_out.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty);
    }

    private JsonElement Results(string student)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradescope", student, "results.json")));
        return document.RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Tests(JsonElement results) => results.GetProperty("tests").EnumerateArray();

    private JsonElement Test(string student, string name) => Tests(Results(student)).Single(t => t.GetProperty("name").GetString() == name);

    private Dictionary<string, string> Verdicts() =>
        Csv.Parse(File.ReadAllText(Path.Combine(_out.Path, "gradebook.csv"))).Skip(1).ToDictionary(r => r[0], r => r[^1]);
}
