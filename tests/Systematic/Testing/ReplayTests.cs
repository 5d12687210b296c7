using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Testing;

[NonParallelizable]
public sealed class ReplayTests
{
    private static string TraceDirectory => Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces", TestContext.CurrentContext.Test.Name);

    private static ExplorationOptions Options => ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithTraceDirectory(TraceDirectory);

    [TearDown]
    public void ClearReplayVariable() => Environment.SetEnvironmentVariable(TestingEngine.ReplayVariable, null);

    [Test]
    public void ReplayCommand_OfAUsersOwnTest_SetsLabReplay_AndRunsJustThatTest()
    {
        TestReport report = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options);

        string test = $"{typeof(ReplayTests).FullName}.{nameof(ReplayCommand_OfAUsersOwnTest_SetsLabReplay_AndRunsJustThatTest)}";
        Assert.That(report.ReplayCommand, Is.EqualTo($"LAB_REPLAY=\"{report.TracePath}\" dotnet test --filter \"FullyQualifiedName~{test}\""));
        Assert.That(report.Describe(), Does.Contain($"replay: {report.ReplayCommand}"));
        Assert.That(report.Describe(), Does.Not.Contain("tools/Lab"));
    }

    [Test]
    public void ReplayHint_ChosenByATool_ReplacesTheCommand()
    {
        TestReport report = TestingEngine.Explore("lost-update", Programs.LostUpdate, Options.WithReplayHint("lab replay \"{trace}\""));

        Assert.That(report.ReplayCommand, Is.EqualTo($"lab replay \"{report.TracePath}\""));
    }

    [Test]
    public void ReplayVariable_AtAMissingTraceOfThisTest_FailsThisExploration_AndOthersExploreNormally()
    {
        string missing = Path.Combine(TraceDirectory, TraceFile.FileNameFor("lost-update", 0, 3));
        Environment.SetEnvironmentVariable(TestingEngine.ReplayVariable, missing);

        var error = Assert.Throws<TraceFormatException>(() => TestingEngine.Explore("lost-update", Programs.LostUpdate, Options));
        TestReport other = TestingEngine.Explore("locked", Programs.LockedIncrement, Options.WithIterations(5));

        Assert.That(error!.Message, Does.Contain("does not exist").And.Contain("LAB_REPLAY names a trace of test 'lost-update'"));
        Assert.That(other.IsReplay, Is.False);
        Assert.That(other, Is.BugFree());
    }

    [Test]
    public void ReplayVariable_AtABrokenTraceNamingThisTest_FailsThisExploration_AndIsSilentlyIgnoredByOthers()
    {
        Directory.CreateDirectory(TraceDirectory);
        string broken = Path.Combine(TraceDirectory, "broken.json");
        File.WriteAllText(broken, """{ "format": "lab-trace/1", "test": "lost-update" }""");
        Environment.SetEnvironmentVariable(TestingEngine.ReplayVariable, broken);
        var warnings = new StringWriter();

        var error = Assert.Throws<TraceFormatException>(() => ReplayRequest.For("lost-update", warnings));
        ScheduleTrace? other = ReplayRequest.For("locked", warnings);

        Assert.That(error!.Message, Does.Contain("the field 'operations' is missing"));
        Assert.That(other, Is.Null);
        Assert.That(warnings.ToString(), Is.Empty, "the file says whose it is, so another test has nothing to worry about");
    }

    [Test]
    public void ReplayVariable_AtAFileThatNamesNoTest_IsIgnoredWithAWarningNamingTheVariable()
    {
        Directory.CreateDirectory(TraceDirectory);
        string garbage = Path.Combine(TraceDirectory, "garbage.json");
        File.WriteAllText(garbage, "not json at all");
        Environment.SetEnvironmentVariable(TestingEngine.ReplayVariable, garbage);
        var warnings = new StringWriter();

        ScheduleTrace? trace = ReplayRequest.For("lost-update", warnings);
        TestReport explored = TestingEngine.Explore("locked", Programs.LockedIncrement, Options.WithIterations(5));

        Assert.That(trace, Is.Null);
        Assert.That(explored.IsReplay, Is.False);
        Assert.That(warnings.ToString(), Does.StartWith($"warning: LAB_REPLAY={garbage} is ignored: it is not valid JSON"));
    }
}
