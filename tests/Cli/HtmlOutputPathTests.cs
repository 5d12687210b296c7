using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

public sealed class HtmlOutputPathTests
{
    private ScratchDirectory _scratch = null!;

    [SetUp]
    public void CreateFolder() => _scratch = new ScratchDirectory();

    [TearDown]
    public void DeleteFolder() => _scratch.Dispose();

    [Test]
    public void Explore_HtmlUnderAFile_ExitsOneWithOneLine_BeforeExploring()
    {
        string file = _scratch.Combine("taken");
        File.WriteAllText(file, "");

        CliResult result = LabCli.Run("explore", "lost-update", "--trace-dir", _scratch.Path, "--html", Path.Combine(file, "timeline.html"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Contain($"'{file}' is a file, not a folder"));
            Assert.That(result.Output, Does.Not.Contain("Exploring"), "checked before the work starts");
        });
    }

    [Test]
    public void Explore_HtmlIsAFolder_ExitsOneAskingForAFileName()
    {
        CliResult result = LabCli.Run("explore", "lost-update", "--trace-dir", _scratch.Path, "--html", _scratch.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("is a folder; give a file name"));
            Assert.That(result.Output, Does.Not.Contain("Exploring"));
        });
    }

    [Test]
    public void Explore_Html_WritesTheTimelineWithTheScenariosExplanations()
    {
        string page = _scratch.Combine("pages", "lost-update.html");

        CliResult result = LabCli.Run("explore", "lost-update", "--trace-dir", _scratch.Path, "--html", page);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
        Assert.That(result.ValueAfter("timeline"), Is.EqualTo(page));
        Assert.That(File.ReadAllText(page), Does.Contain("Why it fails:").And.Contain("How the fix avoids it:"));
    }
}
