using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lab.Cli.Tests.Support;
using Lab.Cli.Tour;
using Lab.Scenarios;
using Lab.Systematic.Tests.Browser;

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

    private static readonly string[] Toured = ["races/lost-update", "deadlocks/dining-philosophers", "memory-model/store-buffering"];

    private static XElement[] Elements(XDocument page, string name) => page.Descendants(XName.Get(name, "http://www.w3.org/1999/xhtml")).ToArray();

    [Test]
    public void Tour_Html_WritesAnIndexOfEveryScenario_LinkingOneSelfContainedTimelinePerBug()
    {
        string folder = _traces.Combine("report");

        CliResult result = LabCli.Run(["tour", "--only", .. Toured, "--trace-dir", _traces.Path, "--html", folder]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        string index = Path.Combine(folder, TourReport.IndexName);
        Assert.That(result.Output, Does.Contain($"report: {index}"));
        XDocument page = XDocument.Load(index);
        var links = Elements(page, "a").Select(a => (string)a.Attribute("href")!).Where(h => !h.StartsWith('#')).Distinct().ToList();
        Assert.Multiple(() =>
        {
            foreach (IScenario scenario in Toured.Select(ScenarioCatalog.Find))
            {
                XElement card = Elements(page, "section").Single(s => (string?)s.Attribute("data-scenario") == scenario.Id);
                Assert.That(card.Value, Does.Contain(scenario.Title).And.Contain(scenario.BugExplanation.Split('\n')[0])
                    .And.Contain(scenario.FixExplanation.Split('\n')[0]).And.Contain(scenario.ExpectedBug.ToString()), scenario.Id);
                Assert.That(card.Value, Does.Match(scenario.IsSystematic ? @"in iteration \d+ of \d+ \(\d+ distinct schedules, \d+ ms" : @"real runs"), "what the engine reported, iterations and time");
                Assert.That(card.Value, Does.Match(scenario.IsSystematic ? @"no bug in \d+ portfolio iterations .*, and DPOR: " : @"real runs"), "how the fix was verified");
            }
            Assert.That(links, Is.EquivalentTo(new[] { "races--lost-update.html", "deadlocks--dining-philosophers.html" }), "one timeline per bug found by exploration");
            foreach (string link in links) Assert.That(File.Exists(Path.Combine(folder, link)), Is.True, link);
            foreach (string file in Directory.GetFiles(folder, "*.html"))
            {
                string html = File.ReadAllText(file);
                Assert.That(html, Does.Not.Match(@"https?://(?!www\.w3\.org/)"), $"{file}: no network address");
                Assert.That(html, Does.Not.Match(@"<(script|img|link)[^>]+(src|href)="), $"{file}: nothing loaded from elsewhere");
            }
            Assert.That(File.ReadAllText(Path.Combine(folder, "deadlocks--dining-philosophers.html")), Does.Contain("href=\"index.html\""), "each timeline links back");
        });
    }

    [Test]
    public void Tour_HtmlPathIsAFile_ExitsOneWithOneLine_BeforeAnyScenarioRuns()
    {
        string file = _traces.Combine("taken.html");
        File.WriteAllText(file, "");

        CliResult result = LabCli.Run("tour", "--only", "lost-update", "--trace-dir", _traces.Path, "--html", file);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.Contain(file).And.Contain("is a file"));
            Assert.That(result.Output, Does.Not.Contain("Touring"), "checked before the work starts");
        });
    }

    [Test]
    public void Tour_HtmlFolderUnderAFile_ExitsOneNamingTheFile()
    {
        string file = _traces.Combine("taken");
        File.WriteAllText(file, "");

        CliResult result = LabCli.Run("tour", "--only", "lost-update", "--trace-dir", _traces.Path, "--html", Path.Combine(file, "report"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.Contain($"'{file}' is a file"));
            Assert.That(result.Output, Does.Not.Contain("Touring"));
        });
    }

    [Test]
    public void TourReport_OpensFromTheFileSystemInChromium_AndItsTimelinesStepByKeyboard()
    {
        HeadlessChromium.Require();
        string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "tour-report");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        CliResult result = LabCli.Run(["tour", "--only", .. Toured, "--trace-dir", _traces.Path, "--html", folder]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        string index = Path.Combine(folder, TourReport.IndexName);

        HeadlessChromium.Screenshot(index, Path.Combine(folder, "index.png"), 1400, 1300);
        TestContext.AddTestAttachment(Path.Combine(folder, "index.png"), "the tour report's index in headless Chromium");
        string timeline = Path.Combine(folder, "deadlocks--dining-philosophers.html");
        JsonElement shown = HeadlessChromium.SelfTest(timeline);
        HeadlessChromium.Screenshot(timeline, Path.Combine(folder, "dining.png"));
        TestContext.AddTestAttachment(Path.Combine(folder, "dining.png"), "the tour's dining-philosophers timeline in headless Chromium");

        var keys = shown.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("selected").GetInt32()).Take(3).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.EqualTo(new[] { 1, 2, 3 }), "Home, then → and j step forward");
            Assert.That(shown.GetProperty("arrows").EnumerateArray().Count(a => a.GetProperty("inCycle").GetBoolean()), Is.GreaterThanOrEqualTo(2), "the cycle round the table");
            Assert.That(shown.GetProperty("bars").EnumerateArray().Select(b => b.GetProperty("text").GetString()), Has.Some.StartsWith("holds "));
        });
    }
}
