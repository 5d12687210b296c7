using System.Xml.Linq;
using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Traces;

public sealed class HtmlTimelineTests
{
    private static ExplorationOptions Options => ExplorationOptions.Default.WithSeed(3)
        .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces"));

    private static TestReport Explore(string name, Action program, ExplorationOptions? options = null) =>
        TestingEngine.Explore(name, program, options ?? Options);

    [Test]
    public void Model_OfDiningPhilosophers_NamesEveryHeldAndAwaitedFork_AndDrawsTheWaitForCycle()
    {
        TestReport report = Explore("dining", TimelinePrograms.DiningPhilosophers);
        Assert.That(report, Finds.Deadlock());

        TimelineModel model = TimelineModel.From(report.Trace!);

        string Lane(int lane) => model.Lanes[lane].Name;
        var openHolds = model.Bars.Where(b => b is { Kind: "hold", Open: true }).Select(b => $"{Lane(b.Lane)} {b.Label}");
        var openWaits = model.Bars.Where(b => b is { Kind: "wait", Open: true }).Select(b => $"{Lane(b.Lane)} {b.Label}");
        var cycle = model.WaitFor.Where(e => e.InCycle).Select(e => $"{Lane(e.Waiter)} -{e.Resource}-> {Lane(e.Holder)}");
        Assert.Multiple(() =>
        {
            Assert.That(openHolds, Is.EquivalentTo(new[] { "P0 holds fork0", "P1 holds fork1", "P2 holds fork2" }));
            Assert.That(openWaits, Is.EquivalentTo(new[] { "P0 waits for fork1 forever", "P1 waits for fork2 forever", "P2 waits for fork0 forever" }));
            Assert.That(cycle, Is.EquivalentTo(new[] { "P0 -fork1-> P1", "P1 -fork2-> P2", "P2 -fork0-> P0" }));
            Assert.That(model.WaitFor.Where(e => !e.InCycle).Select(e => $"{Lane(e.Waiter)} -> {Lane(e.Holder)}"), Is.EqualTo(new[] { "main -> P0" }),
                "main joins P0, outside the cycle");
            Assert.That(model.Lanes.Where(l => l.InCycle).Select(l => l.Name), Is.EquivalentTo(new[] { "P0", "P1", "P2" }));
            Assert.That(model.Steps.Where(s => s.Highlight).Select(s => s.Labels[0]), Has.Exactly(3).Items.And.All.Match(@"^Enter fork\d blocks$"));
            Assert.That(model.Focus.To, Is.EqualTo(model.Steps.Count - 1), "a deadlock opens on its end");
        });
    }

    [Test]
    public void Model_LabelsEachStepWithItsOperation_LongestFirst()
    {
        TestReport report = Explore("dining", TimelinePrograms.DiningPhilosophers);

        TimelineModel model = TimelineModel.From(report.Trace!);

        for (int i = 0; i < model.Steps.Count; i++)
        {
            StepRecord step = report.Trace!.Steps[i];
            Assert.That(model.Steps[i].Labels[0], Is.EqualTo(step.Describe().Replace("(", " ").Replace(")", "")), $"step {i + 1}");
            Assert.That(model.Steps[i].Labels.Select(l => l.Length), Is.Ordered.Descending, $"step {i + 1}");
            Assert.That(model.Steps[i].At, Is.EqualTo(step.Location));
        }
    }

    [Test]
    public void Model_OfARace_LinksTheTwoUnorderedWrites()
    {
        TestReport report = Explore("racy", TimelinePrograms.RacyFlag, Options.WithIterations(10));
        Assert.That(report, Finds.DataRace());

        TimelineModel model = TimelineModel.From(report.Trace!);

        Assert.That(model.Race, Is.Not.Null);
        TimelineStep first = model.Steps[model.Race!.First], second = model.Steps[model.Race.Second];
        Assert.Multiple(() =>
        {
            Assert.That(model.Race.Variable, Is.EqualTo("flag"));
            Assert.That(model.Race.First, Is.LessThan(model.Race.Second));
            Assert.That(new[] { first.Labels[1], second.Labels[1] }, Is.EqualTo(new[] { "write flag", "write flag" }));
            Assert.That(first.Lane, Is.Not.EqualTo(second.Lane));
            Assert.That(model.Steps.Where(s => s.Highlight), Has.Exactly(2).Items);
        });
    }

    [Test]
    public void Model_OfAMonitorWait_LetsGoOfTheLock_AndWaitsForAPulse()
    {
        TestReport report = Explore("no-pulse", TimelinePrograms.WaitWithoutPulse);
        Assert.That(report, Finds.Deadlock());

        TimelineModel model = TimelineModel.From(report.Trace!);

        TimelineBar hold = model.Bars.Single(b => b.Kind == "hold");
        TimelineBar wait = model.Bars.Single(b => b.Kind == "wait");
        Assert.Multiple(() =>
        {
            Assert.That((hold.Resource, hold.Open), Is.EqualTo(("gate", false)), "Wait lets go of the lock");
            Assert.That(hold.To, Is.EqualTo(wait.From), "the hold ends where the wait begins");
            Assert.That((wait.Label, wait.Open), Is.EqualTo(("waits for a Pulse of gate forever", true)));
        });
    }

    [Test]
    public void Model_OfALivelock_MarksTheRepeatingPartOfTheSchedule()
    {
        TestReport report = Explore("polite", TimelinePrograms.PolitePhilosophers, Options.WithLivenessBound(300).WithMaxSteps(1_000).WithIterations(300));
        Assert.That(report, Finds.Livelock());

        TimelineModel model = TimelineModel.From(report.Trace!);

        RepeatingSpan span = model.Repeating!;
        Assert.That(span, Is.Not.Null);
        IReadOnlyList<StepRecord> steps = report.Trace!.Steps;
        Assert.Multiple(() =>
        {
            Assert.That(span.Repetitions, Is.GreaterThanOrEqualTo(2));
            Assert.That(span.From + span.Period * span.Repetitions, Is.EqualTo(steps.Count), "the repeating part runs to the end");
            for (int i = span.From + span.Period; i < steps.Count; i++)
            {
                Assert.That((steps[i].Operation, steps[i].Location), Is.EqualTo((steps[i - span.Period].Operation, steps[i - span.Period].Location)), $"step {i + 1}");
            }
            Assert.That(model.Focus.From, Is.EqualTo(span.From), "the page opens on the first rounds");
        });
    }

    [TestCase(new[] { 0, 1, 0, 1, 0, 1, 0, 1 }, 0, 2, 4)]
    [TestCase(new[] { 2, 2, 0, 1, 1, 0, 1, 1, 0, 1, 1 }, 2, 3, 3)]
    public void Repetition_FindsTheShortestPeriodThatExplainsTheLongestTail(int[] operations, int from, int period, int repetitions)
    {
        var steps = operations.Select(op => new StepRecord(op, "Yield", null, "Loop.cs", 10 + op)).ToList();

        Assert.That(ScheduleRepetition.Find(steps), Is.EqualTo(new RepeatingSpan(from, period, repetitions)));
    }

    [Test]
    public void Repetition_OfAScheduleThatNeverRepeatsTwice_IsNone()
    {
        var steps = new[] { 0, 1, 2, 0, 2, 1 }.Select(op => new StepRecord(op, "Yield", null, "Loop.cs", 10)).ToList();

        Assert.That(ScheduleRepetition.Find(steps), Is.Null);
    }

    [TestCase("Enter(fork0) blocks", "Enter", "fork0", "blocks", "", "blocked")]
    [TestCase("TryEnter(fork1) failed", "TryEnter", "fork1", "failed", "", "lock")]
    [TestCase("read count = 3", "read", "count", "", "3", "memory")]
    [TestCase("Wait(items) = 0", "Wait", "items", "", "0", "signal")]
    [TestCase("waiting(the spin lock)", "waiting", "the spin lock", "", "", "monitor")]
    [TestCase("Interlocked.Increment", "Interlocked.Increment", "", "", "", "memory")]
    [TestCase("Wait(queue-lock) returned", "Wait", "queue-lock", "returned", "", "signal")]
    public void StepText_TakesARecordedStepApart(string described, string action, string resource, string outcome, string value, string category)
    {
        StepText text = StepText.Parse(described);

        Assert.That((text.Action, text.Resource, text.Outcome, text.Value, text.Category), Is.EqualTo((action, resource, outcome, value, category)));
    }

    [Test]
    public void StepText_OfAFieldNamedResource_OffersItsShortNameWhenRoomIsTight()
    {
        Assert.That(StepText.Parse("Enter(Table._fork0) blocks").Labels(), Is.EqualTo(new[] { "Enter Table._fork0 blocks", "Enter Table._fork0", "Enter _fork0" }));
    }

    [Test]
    public void Model_EmbedsTheSourceLineOfEachStep_ReadWhenThePageIsMade()
    {
        TestReport report = Explore("dining", TimelinePrograms.DiningPhilosophers);

        TimelineModel model = TimelineModel.From(report.Trace!);

        foreach (StepRecord step in report.Trace!.Steps.Where(s => s.File is not null))
        {
            SourceExcerpt excerpt = model.Sources[step.Location];
            string expected = File.ReadAllLines(step.File!)[step.Line - 1].TrimEnd();
            Assert.That(excerpt.Lines.Single(l => l.Number == step.Line).Text, Is.EqualTo(expected), step.Location);
            Assert.That(excerpt.Lines.Select(l => l.Number), Is.EqualTo(Enumerable.Range(step.Line - 2, 5)), "two lines either side");
        }
    }

    [Test]
    public void Model_OfATraceReadBackFromAFile_WithoutItsSources_HasNoExcerpts_ButKeepsItsLocations()
    {
        TestReport report = Explore("dining", TimelinePrograms.DiningPhilosophers);
        ScheduleTrace loaded = TraceFile.Load(report.TracePath!);

        TimelineModel model = TimelineModel.From(loaded);

        Assert.That(model.Sources, Is.Empty, "a trace file keeps file names only, which do not resolve from the test's folder");
        Assert.That(model.Steps.Select(s => s.At), Is.EqualTo(report.Trace!.Steps.Select(s => s.Location)));
        Assert.That(model.WaitFor.Count(e => e.InCycle), Is.EqualTo(3));
    }

    [Test]
    public void Page_IsSelfContained_WellFormed_AndCarriesTheModelAndAPlainTable()
    {
        TestReport report = Explore("dining", TimelinePrograms.DiningPhilosophers);

        string html = HtmlTimeline.Render(report.Trace!);

        XDocument page = XDocument.Parse(html);
        XNamespace x = "http://www.w3.org/1999/xhtml";
        var external = page.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "src" or "href" && !a.Value.StartsWith('#'));
        Assert.Multiple(() =>
        {
            Assert.That(external, Is.Empty, "no external scripts, styles or images");
            Assert.That(html, Does.Not.Match(@"https?://(?!www\.w3\.org/)"), "no network address but the XML namespaces");
            Assert.That(page.Descendants(x + "script").Select(s => (string?)s.Attribute("id")), Does.Contain("timeline-data"));
            Assert.That(page.Descendants(x + "details").Single().Element(x + "pre")!.Value, Does.Contain("Enter(fork0)"), "the schedule as a table, readable without script");
            Assert.That(page.Descendants(x + "p").Single(p => (string?)p.Attribute("class") == "bug").Value, Does.StartWith("Deadlock: P"));
        });
    }
}
