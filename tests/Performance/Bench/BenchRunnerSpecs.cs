using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lab.Workloads;
using Lab.Workloads.Bench;
using Lab.Workloads.Charts;
using Lab.Workloads.Cpu;
using Lab.Workloads.Io;

namespace Lab.Performance.Tests.Bench;

/// <summary>The bench end to end on a tiny matrix: every cell measured, every file written, the summary line well-formed.</summary>
[TestFixture]
[Category("Workloads")]
public sealed class BenchRunnerSpecs
{
    private TemporaryDirectory _output = null!;
    private BenchResult _result = null!;
    private List<BenchProgress> _progress = null!;

    [OneTimeSetUp]
    public void RunTinyBench()
    {
        _output = TemporaryDirectory.Create("lab-bench-test");
        var options = new BenchOptions(BenchProfile.Custom, _output.Path, [1, 2], Repetitions: 2, WarmUpRuns: 0, WorkScale: 0.01, IncludePython: false);
        Workload[] workloads = [new CosineLoopWorkload(200_000), new BlockingWaitWorkload(Items: 4, LatencyMilliseconds: 2)];
        _progress = [];
        _result = BenchRunner.Run(options, workloads, new SynchronousProgress(_progress.Add));
    }

    [OneTimeTearDown]
    public void DeleteOutput() => _output.Dispose();

    [Test]
    public void Run_MeasuresEveryCellOfThePlan_WithTheRequestedRepetitions()
    {
        // cpu-cosine: sequential + 4 executors × 2 counts; io-wait: sequential + 5 executors × 2 counts.
        Assert.Multiple(() =>
        {
            Assert.That(_result.Rows, Has.Count.EqualTo(1 + 8 + 1 + 10));
            Assert.That(_result.Rows.Select(row => row.Runs.Count), Is.All.EqualTo(2));
            Assert.That(_result.Rows.Select(row => row.Speedup), Is.All.Not.Null);
            Assert.That(_result.Notes.Where(note => note.StartsWith("checksum", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void Run_ReportsProgressUpToTheTotal()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_progress.Select(progress => progress.Completed), Is.Ordered.Ascending);
            Assert.That(_progress[^1].Completed, Is.EqualTo(_progress[^1].Total));
        });
    }

    [Test]
    public void Run_EndsWithASummaryLineOfSixSpeedups()
    {
        TestContext.Out.WriteLine(_result.SummaryLine);
        Assert.That(_result.SummaryLine, Does.Match(@"^cpu_threads=\d+\.\d\d cpu_pool=\d+\.\d\d cpu_gil=\d+\.\d\d cpu_processes=\d+\.\d\d io_threads=\d+\.\d\d io_gil=\d+\.\d\d$"));
    }

    [Test]
    public void WriteJson_WritesEveryRawRunAndTheMachine()
    {
        string path = _result.WriteJson(_output.Path);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("machine").GetProperty("processorCount").GetInt32(), Is.EqualTo(Environment.ProcessorCount));
            Assert.That(root.GetProperty("rows").GetArrayLength(), Is.EqualTo(_result.Rows.Count));
            Assert.That(root.GetProperty("rows")[0].GetProperty("runs").GetArrayLength(), Is.EqualTo(2));
            Assert.That(root.GetProperty("rows")[0].GetProperty("runs")[0].GetProperty("wall").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(root.GetProperty("fits").GetArrayLength(), Is.EqualTo(_result.Fits.Count).And.GreaterThan(0));
            Assert.That(root.GetProperty("summaryLine").GetString(), Is.EqualTo(_result.SummaryLine));
        });
    }

    [Test]
    public void WriteCharts_WritesOneSvgPerWorkload_WithOneLinePerExecutor()
    {
        var paths = _result.WriteCharts(_output.Path);
        var polylines = paths.ToDictionary(path => Path.GetFileName(path), path => XDocument.Load(path).Descendants(SvgLineChart.Svg + "polyline").Count());
        Assert.That(polylines, Is.EquivalentTo(new Dictionary<string, int> { ["bench-cpu-cosine.svg"] = 5, ["bench-io-wait.svg"] = 6 }));
    }

    [Test]
    public void RenderTable_ListsEveryRowAndEndsWithTheSummaryLine()
    {
        string table = _result.RenderTable();
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(table, @"^(cpu-cosine|io-wait)\s", RegexOptions.Multiline), Has.Count.EqualTo(_result.Rows.Count + _result.Fits.Count));
            Assert.That(table.TrimEnd(), Does.EndWith(_result.SummaryLine));
        });
    }

    /// <summary>Reports on the calling thread, so the list is complete when Run returns.</summary>
    private sealed class SynchronousProgress(Action<BenchProgress> report) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value) => report(value);
    }
}
