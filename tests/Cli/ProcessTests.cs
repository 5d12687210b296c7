using Lab.Cli.Grading;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>The lab started as a real process, as users and CI start it.</summary>
public sealed class ProcessTests
{
    [Test]
    public void Lab_AsAProcess_ListsTheScenariosAndExitsZero()
    {
        WorkerOutcome outcome = WorkerProcess.Run(["list", "--json"], TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Error);
            Assert.That(outcome.Output, Does.Contain("\"id\": \"races/lost-update\""));
        });
    }

    [Test]
    public void Lab_AsAProcess_UnknownScenario_ExitsOneWithTheMessageOnStandardError()
    {
        WorkerOutcome outcome = WorkerProcess.Run(["explore", "no-such-scenario"], TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That(outcome.Error, Does.Contain("unknown scenario 'no-such-scenario'"));
            Assert.That(outcome.Output, Is.Empty);
        });
    }

    [Test]
    public void Lab_AsAProcess_FindsABugAndExitsTwo()
    {
        using var traces = new ScratchDirectory();

        WorkerOutcome outcome = WorkerProcess.Run(["explore", "deadlocks/lock-order-inversion", "--trace-dir", traces.Path], TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Error);
            Assert.That(outcome.Output, Does.Contain("BUG FOUND: Deadlock"));
        });
    }
}
