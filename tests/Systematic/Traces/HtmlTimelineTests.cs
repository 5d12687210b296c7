using System.Diagnostics;
using System.Xml.Linq;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Traces;

public sealed class HtmlTimelineTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TestReport Explore(string name, Action program) => TestingEngine.Explore(name, program,
        ExplorationOptions.Default.WithSeed(3).WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces")));

    private static XElement[] ElementsWithClass(XDocument page, string @class) =>
        page.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(@class) == true).ToArray();

    [Test]
    public void Timeline_OfADeadlock_HasALanePerThread_AHoverTitlePerStep_AndTheCycleHighlighted()
    {
        TestReport report = Explore("lock-order", Programs.LockOrderInversion);

        XDocument page = XDocument.Parse(HtmlTimeline.Render(report.Trace!));

        Assert.That(ElementsWithClass(page, "lane").Select(l => (string?)l.Attribute("data-operation")), Is.EqualTo(report.Trace!.Operations));
        XElement[] steps = ElementsWithClass(page, "step");
        Assert.That(steps, Has.Length.EqualTo(report.Trace.Steps.Count));
        Assert.That(steps.Select(s => s.Element(Svg + "title")!.Value), Has.All.Match(@"^step \d+: \S+ .+ at \S+\.cs:\d+$"));
        Assert.That(ElementsWithClass(page, "in-cycle").Select(l => (string?)l.Attribute("data-operation")), Is.EquivalentTo(new[] { "T1", "T2" }));
        Assert.That(ElementsWithClass(page, "highlight"), Has.Length.EqualTo(2), "the two blocked Enter steps");
        Assert.That(ElementsWithClass(page, "hold").Length, Is.GreaterThanOrEqualTo(2), "each thread holds its first fork");
    }

    [Test]
    public void Timeline_OfARace_HighlightsBothRacingAccesses()
    {
        TestReport report = TestingEngine.Explore("racy", () =>
        {
            var flag = new Lab.Systematic.Threading.Shared<int>(0, "flag");
            var t = new Lab.Systematic.Threading.ControlledThread(() => flag.Write(1));
            t.Start();
            flag.Write(2);
            t.Join();
        }, ExplorationOptions.Default.WithIterations(10).WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces")));
        Assert.That(report, Finds.DataRace());

        XDocument page = XDocument.Parse(HtmlTimeline.Render(report.Trace!));

        XElement[] highlighted = ElementsWithClass(page, "highlight");
        Assert.That(highlighted, Has.Length.EqualTo(2));
        Assert.That(highlighted.Select(h => h.Element(Svg + "title")!.Value), Has.All.Contain("write flag"));
    }

    [Test]
    public void Timeline_RendersInHeadlessChromium()
    {
        string? chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null) Assert.Ignore("Chromium is not installed here (Debian: apt-get install chromium); the page itself is checked by the other timeline tests.");
        TestReport report = Explore("lock-order", Programs.LockOrderInversion);
        string directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "timeline");
        string page = HtmlTimeline.Save(report.Trace!, Path.Combine(directory, "deadlock.html"));
        string screenshot = Path.Combine(directory, "deadlock.png");
        File.Delete(screenshot);

        var start = new ProcessStartInfo(chromium)
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(directory, "profile")}",
                $"--screenshot={screenshot}", "--window-size=1200,400", new Uri(page).AbsoluteUri },
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using Process process = Process.Start(start)!;
        Assert.That(process.WaitForExit(60_000), Is.True, "chromium did not finish within a minute");

        Assert.That(File.Exists(screenshot), Is.True, process.StandardError.ReadToEnd());
        byte[] png = File.ReadAllBytes(screenshot);
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }), "a PNG file");
        Assert.That(png.Length, Is.GreaterThan(5_000), "a blank page compresses to almost nothing");
        TestContext.AddTestAttachment(screenshot, "the deadlock timeline in headless Chromium");
    }
}
