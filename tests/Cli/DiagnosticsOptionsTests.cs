using System.Text.Json;
using System.Xml.Linq;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>The diagnostics options of explore and replay: parallel workers, shards, and the HTML timeline.</summary>
public sealed class DiagnosticsOptionsTests
{
    private ScratchDirectory _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchDirectory();

    [TearDown]
    public void DeleteScratch() => _scratch.Dispose();

    [Test]
    public void Explore_WithOneOrTwoWorkers_FindsTheBugInTheSameIteration_WithTheSameTrace()
    {
        CliResult one = LabCli.Run("explore", "deadlocks/dining-philosophers", "--parallel", "1", "--trace-dir", _scratch.Combine("one"));
        CliResult two = LabCli.Run("explore", "deadlocks/dining-philosophers", "--parallel", "2", "--trace-dir", _scratch.Combine("two"));

        Assert.That((one.ExitCode, two.ExitCode), Is.EqualTo((2, 2)));
        Assert.That(two.Output, Does.Contain("2 worker(s)"));
        Assert.That(File.ReadAllText(two.ValueAfter("trace")), Is.EqualTo(File.ReadAllText(one.ValueAfter("trace"))));
    }

    [TestCase("3/2")]
    [TestCase("a/b")]
    [TestCase("1")]
    public void Explore_WithAMalformedShard_ExitsOneAndExplainsTheForm(string shard)
    {
        CliResult result = LabCli.Run("explore", "races/lost-update", "--shard", shard);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error + result.Output, Does.Contain("--shard takes i/n"));
    }

    [Test]
    public void Explore_OnAShard_SaysWhichShardItRan()
    {
        CliResult result = LabCli.Run("explore", "races/lost-update", "--shard", "1/3", "--trace-dir", _scratch.Path);

        Assert.That(result.Output, Does.Contain("shard 1/3"));
    }

    [Test]
    public void Replay_WithHtml_WritesATimelineWithALanePerThread()
    {
        CliResult explored = LabCli.Run("explore", "deadlocks/lock-order-inversion", "--trace-dir", _scratch.Path);
        string page = _scratch.Combine("timeline.html");

        CliResult replayed = LabCli.Run("replay", explored.ValueAfter("trace"), "--html", page);

        Assert.That(replayed.ExitCode, Is.EqualTo(2));
        Assert.That(replayed.ValueAfter("timeline"), Is.EqualTo(page));
        XDocument html = XDocument.Parse(File.ReadAllText(page));
        // The page draws itself from the model it embeds: one lane per operation of the trace.
        string model = html.Descendants().Single(e => (string?)e.Attribute("id") == "timeline-data").Value;
        var lanes = JsonDocument.Parse(model).RootElement.GetProperty("lanes").EnumerateArray().Select(lane => lane.GetProperty("name").GetString());
        Assert.That(lanes, Is.SupersetOf(new[] { "main", "transfer-0-to-1", "transfer-1-to-0" }));
    }
}
