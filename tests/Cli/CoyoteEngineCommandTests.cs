using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>The lab commands with <c>--engine coyote</c> and <c>both</c>, and <c>lab replay</c> of a Coyote trace. Not parallel: Coyote keeps process-wide state.</summary>
[NonParallelizable]
public sealed class CoyoteEngineCommandTests
{
    private ScratchDirectory _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchDirectory();

    [TearDown]
    public void DeleteScratch() => _scratch.Dispose();

    [Test]
    public void ExploreWithCoyote_LockOrderInversion_ExitsTwo_WithCoyotesDeadlockLine_TraceAndReplayCommand()
    {
        CliResult result = LabCli.Run("explore", "deadlocks/lock-order-inversion", "--engine", "coyote", "--trace-dir", _scratch.Path);

        string trace = result.ValueAfter("trace");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("BUG FOUND: Deadlock").And.Contain("Deadlock detected.").And.Contain("coyote random, seed 0"));
            Assert.That(File.Exists(trace), Is.True, trace);
            Assert.That(result.ValueAfter("replay"), Does.Contain($"replay \"{trace}\""));
        });
    }

    [Test]
    public void ReplayOfACoyoteTrace_ReplaysWithCoyote_AndExitsTwo()
    {
        CliResult explored = LabCli.Run("explore", "deadlocks/lock-order-inversion", "--engine", "coyote", "--trace-dir", _scratch.Path);

        CliResult replayed = LabCli.Run("replay", explored.ValueAfter("trace"));

        Assert.Multiple(() =>
        {
            Assert.That(replayed.ExitCode, Is.EqualTo(2), replayed.Output + replayed.Error);
            Assert.That(replayed.Output, Does.Contain("with Microsoft Coyote").And.Contain("REPRODUCED: Deadlock"));
        });
    }

    [Test]
    public void ExploreWithCoyote_TheMintedCoin_ExitsZero_SayingWhyCoyoteCannotSeeIt()
    {
        CliResult result = LabCli.Run("explore", "signalling/semaphore-minted-coin", "--engine", "coyote", "--iterations", "50", "--trace-dir", _scratch.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("no bug found").And.Contain("timed wait"));
        });
    }

    [Test]
    public void ExploreWithBothEngines_IsRefused_WithOneLine()
    {
        CliResult result = LabCli.Run("explore", "deadlocks/lock-order-inversion", "--engine", "both");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.Contain("tour --engine both"));
        });
    }

    [Test]
    public void ExploreWithCoyote_DfsStrategy_IsRefused_BecauseCoyoteKeepsItsDfsInternal()
    {
        CliResult result = LabCli.Run("explore", "deadlocks/lock-order-inversion", "--engine", "coyote", "--strategy", "dfs");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("not offered by Coyote"));
        });
    }

    [Test]
    public void ReplayOfATruncatedCoyoteTrace_ExitsOne()
    {
        string path = _scratch.Combine("cut.json");
        File.WriteAllText(path, """{"format":"lab-coyote-trace/1","testName":"deadlocks/lock-order-inversion (buggy)","iteration":""");

        CliResult result = LabCli.Run("replay", path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
    }

    [Test]
    public void TourWithBothEngines_OnTwoScenarios_PrintsAColumnPerEngine_AndBothFinalLines()
    {
        CliResult result = LabCli.Run("tour", "--engine", "both", "--only", "deadlocks/lock-order-inversion", "signalling/semaphore-minted-coin", "--trace-dir", _scratch.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("Lab found").And.Contain("Coyote found").And.Contain("Coyote fix"));
            Assert.That(result.Output, Does.Contain("tour: 2 scenarios, 2 bugs found, 2 fixes verified, replay ok"));
            Assert.That(result.Output, Does.Contain("coyote: 2 scenarios, 1 bugs found, 1 missed, 2 fixes pass, 2/2 as documented, replay ok"));
        });
    }
}
