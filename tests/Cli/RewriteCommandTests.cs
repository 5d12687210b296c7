using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

public sealed class RewriteCommandTests
{
    /// <summary>An ordinary assembly the build does not rewrite (Lab.Scenarios is rewritten by its own build now).</summary>
    private static string OrdinaryAssembly => typeof(Lab.Workloads.Bench.BenchRunner).Assembly.Location;

    [Test]
    public void Rewrite_WithOut_WritesTheRewrittenAssemblyAndPdb_AndPrintsTheCountsPerPass()
    {
        using var scratch = new ScratchDirectory();
        string output = scratch.Combine("Lab.Workloads.dll");

        CliResult result = LabCli.Run("rewrite", OrdinaryAssembly, "--out", output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
            Assert.That(result.Output, Does.StartWith($"rewrote {OrdinaryAssembly} -> {output}"));
            Assert.That(result.Output, Does.Match(@"\n  field accesses\s+[1-9]\d*"));
            Assert.That(result.Output, Does.Contain("  member interception").And.Contain("  array accesses").And.Contain("  collection accesses"));
            Assert.That(File.Exists(output) && File.Exists(Path.ChangeExtension(output, ".pdb")), Is.True);
        });
    }

    [Test]
    public void Rewrite_OfARewrittenAssembly_SaysAlreadyRewritten_AndLeavesItAlone()
    {
        using var scratch = new ScratchDirectory();
        string output = scratch.Combine("Lab.Workloads.dll");
        Assert.That(LabCli.Run("rewrite", OrdinaryAssembly, "--out", output).ExitCode, Is.EqualTo(0));
        byte[] once = File.ReadAllBytes(output);

        CliResult again = LabCli.Run("rewrite", output);

        Assert.That(again.ExitCode, Is.EqualTo(0));
        Assert.That(again.Output, Does.StartWith($"{output}: already rewritten, left as it is"));
        Assert.That(File.ReadAllBytes(output), Is.EqualTo(once));
    }

    [Test]
    public void Rewrite_OfTheEngine_IsRefusedInOneLine_WithExitCodeOne()
    {
        using var scratch = new ScratchDirectory();
        string engine = typeof(Lab.Systematic.Interception.MemoryAccess).Assembly.Location;

        CliResult result = LabCli.Run("rewrite", engine, "--out", scratch.Combine("Lab.Systematic.dll"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.StartWith("error: Lab.Systematic: refused, the rewriter never touches"));
        });
    }

    [Test]
    public void Rewrite_OfAMissingFile_IsAnErrorWithExitCodeOne()
    {
        CliResult result = LabCli.Run("rewrite", "no-such.dll");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error.Trim(), Is.EqualTo("error: no-such.dll: no such assembly."));
    }
}
