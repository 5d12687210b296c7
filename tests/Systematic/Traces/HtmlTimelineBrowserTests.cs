using System.Text.Json;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;
using Lab.Systematic.Tests.Browser;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Traces;

/// <summary>
/// The timeline as a person sees it: rendered by headless Chromium from the file system, its labels, arrows and
/// keyboard stepping read back from the DOM (the page's #selftest presses the keys), one screenshot kept per page.
/// Skipped, with the reason, where no Chromium is installed.
/// </summary>
public sealed class HtmlTimelineBrowserTests
{
    private static string Folder => Path.Combine(TestContext.CurrentContext.WorkDirectory, "timeline-pages");

    private static ExplorationOptions Options => ExplorationOptions.Default.WithSeed(3)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces"));

    [SetUp]
    public void RequireChromium() => HeadlessChromium.Require();

    [Test]
    public void DiningPhilosophers_ShowsWithoutHovering_WhoHoldsWhichFork_AndWhoWaitsForWhom()
    {
        TestReport report = TestingEngine.Explore("dining", TimelinePrograms.DiningPhilosophers, Options);
        Assert.That(report, Finds.Deadlock());
        string page = HtmlTimeline.Save(report.Trace!, Path.Combine(Folder, "dining.html"));

        JsonElement shown = HeadlessChromium.SelfTest(page);

        var labels = shown.GetProperty("labels").EnumerateArray().ToList();
        var bars = shown.GetProperty("bars").EnumerateArray().Select(b => $"{b.GetProperty("lane").GetString()} {b.GetProperty("text").GetString()}").ToList();
        var arrows = shown.GetProperty("arrows").EnumerateArray().Where(a => a.GetProperty("inCycle").GetBoolean())
            .Select(a => $"{a.GetProperty("waiter").GetString()} -{a.GetProperty("label").GetString()}-> {a.GetProperty("holder").GetString()}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(shown.GetProperty("steps").GetInt32(), Is.EqualTo(report.Trace!.Steps.Count));
            Assert.That(labels.Select(l => l.GetProperty("step").GetInt32()), Is.EqualTo(Enumerable.Range(1, report.Trace.Steps.Count)),
                "a short schedule labels every step");
            foreach (JsonElement label in labels)
            {
                int step = label.GetProperty("step").GetInt32();
                string text = label.GetProperty("text").GetString()!;
                Assert.That(text, Does.StartWith(report.Trace.Steps[step - 1].Describe().Split('(')[0] + " "), $"step {step} names its operation and resource");
                Assert.That(label.GetProperty("width").GetDouble(), Is.LessThanOrEqualTo(label.GetProperty("room").GetDouble() + 0.5), $"step {step}'s label fits its room");
            }
            Assert.That(labels.Select(l => l.GetProperty("text").GetString()), Does.Contain("Enter fork0").And.Contain("Enter fork1").And.Contain("Enter fork2"));
            Assert.That(bars, Is.SupersetOf(new[] { "P0 holds fork0", "P1 holds fork1", "P2 holds fork2" }));
            Assert.That(bars.Where(b => b.Contains("waits for")), Has.Exactly(3).Items.And.All.Match(@"^P\d waits for fork\d"));
            Assert.That(arrows, Is.EquivalentTo(new[] { "P0 -fork1-> P1", "P1 -fork2-> P2", "P2 -fork0-> P0" }));
            Assert.That(shown.GetProperty("arrows").EnumerateArray().Select(a => a.GetProperty("length").GetDouble()), Has.All.GreaterThan(20), "arrows are drawn, not empty paths");
            Assert.That(shown.GetProperty("ticks").EnumerateArray().Select(t => t.GetInt32()), Is.EqualTo(Enumerable.Range(1, report.Trace.Steps.Count)), "a numbered step axis");
            Assert.That(shown.GetProperty("focus").GetProperty("inView").GetBoolean(), Is.True, "the deadlock is in view on opening");
            double drawn = shown.GetProperty("stepWidth").GetDouble() * report.Trace.Steps.Count;
            Assert.That(drawn, Is.GreaterThan(0.6 * shown.GetProperty("viewport").GetDouble()), "the lanes use the page's width");
        });

        HeadlessChromium.Screenshot(page, Path.Combine(Folder, "dining.png"));
        TestContext.AddTestAttachment(Path.Combine(Folder, "dining.png"), "the dining-philosophers deadlock timeline in headless Chromium");
    }

    [Test]
    public void Keyboard_StepsThroughTheSchedule_ShowingEachStepsSourceLine()
    {
        TestReport report = TestingEngine.Explore("dining", TimelinePrograms.DiningPhilosophers, Options);
        ScheduleTrace trace = report.Trace!;
        string page = HtmlTimeline.Save(trace, Path.Combine(Folder, "keyboard.html"));

        JsonElement shown = HeadlessChromium.SelfTest(page);

        int last = trace.Steps.Count;
        var expected = new (string Key, int Step)[] { ("Home", 1), ("ArrowRight", 2), ("j", 3), ("ArrowRight", 4), ("ArrowLeft", 3), ("k", 2), ("End", last), ("ArrowRight", last) };
        var pressed = shown.GetProperty("keys").EnumerateArray().Take(expected.Length).ToList();
        Assert.That(pressed.Select(k => (k.GetProperty("key").GetString()!, k.GetProperty("selected").GetInt32())), Is.EqualTo(expected));
        Assert.Multiple(() =>
        {
            foreach (JsonElement key in pressed)
            {
                StepRecord step = trace.Steps[key.GetProperty("selected").GetInt32() - 1];
                string line = File.ReadAllLines(step.File!)[step.Line - 1].TrimEnd();
                Assert.That(key.GetProperty("title").GetString(), Does.EndWith($"{trace.Operations[step.Operation]} — {step.Describe()}"));
                Assert.That(key.GetProperty("where").GetString(), Is.EqualTo(step.Location));
                Assert.That(key.GetProperty("source").GetString(), Is.EqualTo(line), "the step's own source line, embedded in the page");
                Assert.That(key.GetProperty("selectedInView").GetBoolean(), Is.True, "the selected step is scrolled into view");
            }
            JsonElement end = pressed[6];
            Assert.That(end.GetProperty("threads").EnumerateArray().Select(t => t.GetString()), Has.Exactly(3).Match(@"P\d: holds fork\d; waits for fork\d forever"),
                "at the end every philosopher holds one fork and waits for the next");
        });
    }

    [Test]
    public void Race_LinksItsTwoAccesses()
    {
        TestReport report = TestingEngine.Explore("racy", TimelinePrograms.RacyFlag, Options.WithIterations(10));
        Assert.That(report, Finds.DataRace());
        string page = HtmlTimeline.Save(report.Trace!, Path.Combine(Folder, "race.html"));

        JsonElement shown = HeadlessChromium.SelfTest(page);

        JsonElement race = shown.GetProperty("race").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(race.GetProperty("label").GetString(), Is.EqualTo("race on flag"));
            Assert.That(report.Trace!.Steps[race.GetProperty("first").GetInt32() - 1].Describe(), Does.StartWith("write flag"));
            Assert.That(report.Trace.Steps[race.GetProperty("second").GetInt32() - 1].Describe(), Does.StartWith("write flag"));
        });
        HeadlessChromium.Screenshot(page, Path.Combine(Folder, "race.png"));
        TestContext.AddTestAttachment(Path.Combine(Folder, "race.png"), "a data race's timeline in headless Chromium");
    }

    [Test]
    public void LongLivenessWitness_OpensOnItsRepeatingPart_AndZooms()
    {
        TestReport report = TestingEngine.Explore("polite", TimelinePrograms.PolitePhilosophers,
            Options.WithLivenessBound(2_000).WithMaxSteps(6_000).WithIterations(300));
        Assert.That(report, Finds.Livelock());
        Assert.That(report.Trace!.Steps, Has.Count.GreaterThan(2_000), "a witness of thousands of steps");
        string page = HtmlTimeline.Save(report.Trace, Path.Combine(Folder, "livelock.html"));

        JsonElement shown = HeadlessChromium.SelfTest(page);

        JsonElement repeating = shown.GetProperty("repeating").EnumerateArray().Single();
        JsonElement zoom = shown.GetProperty("zoom");
        Assert.Multiple(() =>
        {
            Assert.That(shown.GetProperty("steps").GetInt32(), Is.EqualTo(report.Trace.Steps.Count));
            Assert.That(repeating.GetProperty("label").GetString(), Does.Match(@"the same \d+ steps repeat ×\d+"));
            Assert.That(shown.GetProperty("focus").GetProperty("inView").GetBoolean(), Is.True, "the first rounds of the repetition are in view on opening");
            Assert.That(shown.GetProperty("labels").GetArrayLength(), Is.GreaterThan(10), "zoomed in far enough on opening to read steps");
            Assert.That(zoom.GetProperty("after").GetDouble(), Is.GreaterThan(zoom.GetProperty("before").GetDouble()), "+ zooms in");
            Assert.That(zoom.GetProperty("fitted").GetDouble() * report.Trace.Steps.Count, Is.LessThan(shown.GetProperty("viewport").GetDouble()), "0 fits the whole schedule");
            int[] ticks = shown.GetProperty("ticks").EnumerateArray().Select(t => t.GetInt32()).ToArray();
            Assert.That((ticks[2] - ticks[1]) * shown.GetProperty("stepWidth").GetDouble(), Is.GreaterThanOrEqualTo(30), "step numbers far enough apart to read");
            Assert.That(ticks[^1], Is.GreaterThan(report.Trace.Steps.Count - (ticks[2] - ticks[1]) - 1), "numbered to the end");
        });
        HeadlessChromium.Screenshot(page, Path.Combine(Folder, "livelock.png"));
        TestContext.AddTestAttachment(Path.Combine(Folder, "livelock.png"), "a 2,000-step livelock witness in headless Chromium");
    }
}
