using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Coyote.Traces;
using Lab.Systematic.Detection;
using Lab.Systematic.Traces;

namespace Lab.Coyote.Tests;

/// <summary>Coyote traces on disk: the lab's header around Coyote's own JSON, read back exactly, refused when broken.</summary>
public sealed class CoyoteTraceFileTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("coyote-trace-tests").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void SaveThenLoad_GivesBackTheTrace_WithItsOptionsAndCoyotesJson()
    {
        var trace = new CoyoteTrace
        {
            TestName = "races/lost-update (buggy)",
            Options = CoyoteOptions.Default.WithStrategy(CoyoteStrategy.FairPct, 3).WithSeed(7).WithMaxSteps(600).WithMemoryAccessRaces(),
            Iteration = 4,
            Kind = BugKind.AssertionFailure,
            Message = "count is 1, expected 2 (at LostUpdate.cs:40)",
            ReproducibleTrace = """{"TestName":"","Steps":["op(1:2),sp(Acquire),next(0:3)"]}""",
        };

        string path = CoyoteTraceFile.Save(trace, Path.Combine(_directory, "t.json"));
        CoyoteTrace loaded = CoyoteTraceFile.Load(path);

        Assert.That(loaded with { ReproducibleTrace = "" }, Is.EqualTo(trace with { ReproducibleTrace = "" }));
        Assert.That(loaded.ReproducibleTrace, Does.Contain("op(1:2),sp(Acquire),next(0:3)"));
        Assert.That(CoyoteTraceFile.IsCoyoteTrace(path), Is.True);
    }

    [Test]
    public void Load_RefusesALabTrace_WithAOneLineReason()
    {
        string path = Path.Combine(_directory, "lab.json");
        File.WriteAllText(path, """{"format":"lab-trace/1","testName":"x"}""");

        Assert.That(() => CoyoteTraceFile.Load(path), Throws.TypeOf<TraceFormatException>().With.Message.Contains("not a Coyote trace"));
        Assert.That(CoyoteTraceFile.IsCoyoteTrace(path), Is.False);
    }

    [Test]
    public void Load_RefusesATruncatedFile()
    {
        string path = Path.Combine(_directory, "cut.json");
        File.WriteAllText(path, """{"format":"lab-coyote-trace/1","testName":""");

        Assert.That(() => CoyoteTraceFile.Load(path), Throws.TypeOf<TraceFormatException>());
    }

    [Test]
    public void Load_RefusesAMissingFile()
    {
        Assert.That(() => CoyoteTraceFile.Load(Path.Combine(_directory, "none.json")), Throws.TypeOf<TraceFormatException>());
    }
}
