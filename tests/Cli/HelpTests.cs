using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

public sealed class HelpTests
{
    [Test]
    public void Help_ListsEveryCommandButNotTheGradingWorker()
    {
        CliResult result = LabCli.Run("--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            foreach (string command in new[] { "list", "explore", "replay", "tour", "grade", "bench" })
            {
                Assert.That(result.Output, Does.Match($@"\n\s+{command}\s"), command);
            }
            Assert.That(result.Output, Does.Not.Contain("grade-one"));
            Assert.That(result.Output, Does.Contain("Exit codes: 0 no bug, 1 usage or input error, 2 bug found"));
        });
    }

    [Test]
    public void UnknownCommand_ExitsOne()
    {
        CliResult result = LabCli.Run("explode");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("'explode'"));
        });
    }

    [Test]
    public void Bench_Help_OffersTheQuickProfileAndTheOutputFolder()
    {
        CliResult result = LabCli.Run("bench", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(result.Output, Does.Contain("--quick").And.Contain("--out"));
        });
    }
}
