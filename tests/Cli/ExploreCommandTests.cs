using Lab.Cli.Tests.Support;
using Lab.Scenarios;

namespace Lab.Cli.Tests;

public sealed class ExploreCommandTests
{
    private ScratchDirectory _traces = null!;

    [SetUp]
    public void CreateTraceFolder() => _traces = new ScratchDirectory();

    [TearDown]
    public void DeleteTraceFolder() => _traces.Dispose();

    [Test]
    public void Explore_BuggyVariant_ExitsTwoWithInterleavingTraceAndReplayCommand()
    {
        CliResult result = LabCli.Run("explore", "races/lost-update", "--trace-dir", _traces.Path);

        string trace = result.ValueAfter("trace");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Output, Does.Contain("BUG FOUND: AssertionFailure").And.Contain("an increment was lost"));
            Assert.That(result.Output, Does.Contain("step | main").And.Contain("write Buggy._count @LostUpdate.cs"));
            Assert.That(File.Exists(trace), Is.True, trace);
            Assert.That(result.ValueAfter("replay"), Does.Contain($"replay \"{trace}\""));
            Assert.That(result.Output, Does.Contain(ScenarioCatalog.Find("races/lost-update").FixExplanation.Split('\n')[0]));
        });
    }

    [Test]
    public void Explore_FixedVariant_ExitsZeroWithoutABug()
    {
        CliResult result = LabCli.Run("explore", "lost-update", "--variant", "fixed", "--trace-dir", _traces.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(result.Output, Does.Contain("races/lost-update (fixed): no bug found"));
            Assert.That(Directory.GetFiles(_traces.Path), Is.Empty);
        });
    }

    [Test]
    public void Explore_DfsOnTheFix_ExhaustsTheSpace()
    {
        CliResult result = LabCli.Run("explore", "deadlocks/lock-order-inversion", "--variant", "fixed", "--strategy", "dfs", "--iterations", "100000");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(result.Output, Does.Contain("(dfs").And.Contain("space exhausted"));
        });
    }

    [Test]
    public void Explore_SameSeedTwice_FindsTheSameSchedule()
    {
        CliResult first = LabCli.Run("explore", "deadlocks/dining-philosophers", "--seed", "7", "--trace-dir", _traces.Combine("a"));
        CliResult second = LabCli.Run("explore", "deadlocks/dining-philosophers", "--seed", "7", "--trace-dir", _traces.Combine("b"));

        Assert.That(File.ReadAllText(second.ValueAfter("trace")), Is.EqualTo(File.ReadAllText(first.ValueAfter("trace"))));
    }

    [Test]
    public void Explore_UnknownScenario_ExitsOneAndListsIds()
    {
        CliResult result = LabCli.Run("explore", "races/lost-updat");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("unknown scenario 'races/lost-updat'").And.Contain("Did you mean 'races/lost-update'?"));
            foreach (IScenario scenario in ScenarioCatalog.All) Assert.That(result.Error, Does.Contain(scenario.Id));
            Assert.That(result.Output, Is.Empty);
        });
    }

    [TestCase("--strategy", "sideways", "sideways")]
    [TestCase("--iterations", "many", "many")]
    [TestCase("--iterations", "0", "Iterations must be at least 1")]
    [TestCase("--time-limit", "soon", "--time-limit takes a duration such as 30s")]
    [TestCase("--variant", "broken", "broken")]
    public void Explore_InvalidOption_ExitsOneNamingTheValue(string option, string value, string expected)
    {
        CliResult result = LabCli.Run("explore", "races/lost-update", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain(expected));
        });
    }

    [Test]
    public void Explore_WithoutId_ExitsOneAskingForIt()
    {
        CliResult result = LabCli.Run("explore");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("Required argument 'id' missing"));
        });
    }

    [Test]
    public void Explore_StressOnlyScenario_RunsItForRealAndSaysWhy()
    {
        IScenario stressOnly = ScenarioCatalog.All.First(s => !s.IsSystematic);

        CliResult result = LabCli.Run("explore", stressOnly.Id, "--time-limit", "300ms");

        int expected = result.Output.Contains("(r1, r2) = (0, 0) 0 times", StringComparison.Ordinal) ? 0 : 2;
        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Does.Contain("is stress-only").And.Contain("real runs"));
            Assert.That(result.ExitCode, Is.EqualTo(expected), "exit code 2 exactly when some real run showed r1 = r2 = 0");
        });
    }
}
