using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Lab.Rewriting.Tests;

/// <summary>The lab-rewrite console tool the build runs: one line per outcome, MSBuild's error format, exit 1 on errors.</summary>
public sealed class RewriteToolTests
{
    [Test]
    public void TheTool_RewritesAndKeepsTheOriginal_WhenAsked()
    {
        string folder = Path.Combine(RewrittenFixtures.Folder, "tool");
        string output = Path.Combine(folder, "Lab.Rewriting.Fixtures.dll");
        string originals = Path.Combine(folder, "lab-original");

        (int exit, string stdout, _) = RunTool(RewrittenFixtures.OriginalPath, "--out", output, "--keep-original", originals);

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(stdout.Trim(), Does.StartWith("lab-rewrite: Lab.Rewriting.Fixtures: rewritten (member interception "));
        Assert.That(File.ReadAllBytes(Path.Combine(originals, "Lab.Rewriting.Fixtures.dll")), Is.EqualTo(File.ReadAllBytes(RewrittenFixtures.OriginalPath)));
        Assert.That(File.Exists(Path.Combine(originals, "Lab.Rewriting.Fixtures.pdb")), Is.True);
    }

    [Test]
    public void TheTool_ReportsARefusal_AsOneMsBuildErrorLine_AndExitsOne()
    {
        string framework = typeof(object).Assembly.Location;

        (int exit, string stdout, string stderr) = RunTool(framework, "--out", Path.Combine(RewrittenFixtures.Folder, "tool-refused", "x.dll"));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.StartWith("lab-rewrite : error LABRW002 : System.Private.CoreLib: refused, the rewriter never touches"));
    }

    [Test]
    public void TheTool_ReportsABadArgument_WithTheUsage_AndExitsOne()
    {
        (int exit, _, string stderr) = RunTool("--frobnicate");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Is.EqualTo("lab-rewrite : error LABRW001 : unknown option --frobnicate; usage: lab-rewrite <assembly.dll> [--out <path>] [--keep-original <dir>] [--search <dir>]... [--search-file <file>] [--report]"));
    }

    private static (int ExitCode, string Output, string Error) RunTool(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ToolPath());
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("lab-rewrite did not finish within two minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>tools/Rewrite's output for the configuration this test assembly was built in.</summary>
    private static string ToolPath([CallerFilePath] string here = "")
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "tools", "Rewrite", "bin", configuration, "net10.0", "lab-rewrite.dll"));
        Assert.That(File.Exists(path), Is.True, $"the build produced {path}");
        return path;
    }
}
