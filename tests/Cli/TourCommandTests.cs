using System.Text.RegularExpressions;
using Lab.Cli.Tests.Support;
using Lab.Scenarios;

namespace Lab.Cli.Tests;

public sealed class TourCommandTests
{
    private ScratchDirectory _traces = null!;

    [SetUp]
    public void CreateTraceFolder() => _traces = new ScratchDirectory();

    [TearDown]
    public void DeleteTraceFolder() => _traces.Dispose();

    [Test]
    public void Tour_EveryScenario_FindsEachBugVerifiesEachFixAndReplaysATrace()
    {
        CliResult result = LabCli.Run("tour", "--trace-dir", _traces.Path);

        int total = ScenarioCatalog.All.Count, systematic = ScenarioCatalog.All.Count(s => s.IsSystematic);
        Match summary = Regex.Match(result.LastLine, @"^tour: (\d+) scenarios, (\d+) bugs found, (\d+) fixes verified, replay ok$");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(summary.Success, Is.True, result.LastLine);
            Assert.That(int.Parse(summary.Groups[1].Value), Is.EqualTo(total));
            Assert.That(int.Parse(summary.Groups[2].Value), Is.InRange(systematic, total), "every systematic bug, and the stress-only one when the hardware shows it");
            Assert.That(int.Parse(summary.Groups[3].Value), Is.EqualTo(total));
            foreach (IScenario scenario in ScenarioCatalog.All.Where(s => s.IsSystematic))
            {
                Assert.That(result.Output, Does.Contain($"{scenario.Id}: {scenario.Title}{Environment.NewLine}    bug: {scenario.ExpectedBug} in iteration"));
            }
            Assert.That(result.Output, Does.Contain("replay: the same"));
        });
    }

    [Test]
    public void Tour_Only_ToursTheNamedScenarios()
    {
        CliResult result = LabCli.Run("tour", "--only", "lost-update", "deadlocks/dining-philosophers", "--trace-dir", _traces.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.LastLine, Is.EqualTo("tour: 2 scenarios, 2 bugs found, 2 fixes verified, replay ok"));
            Assert.That(result.Output, Does.Contain("[1/2] races/lost-update").And.Contain("[2/2] deadlocks/dining-philosophers"));
        });
    }

    [Test]
    public void Tour_OnlyUnknownScenario_ExitsOneSuggestingTheClosest()
    {
        CliResult result = LabCli.Run("tour", "--only", "dining-philosopher");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("Did you mean 'deadlocks/dining-philosophers'?"));
        });
    }
}
