using Lab.Workloads.Bench;
using Lab.Workloads.Io;
using Lab.Workloads.Python;

namespace Lab.Performance.Tests.Bench;

[TestFixture]
[Category("Workloads")]
public sealed class PythonComparisonSpecs
{
    [Test]
    public void Run_WithPythonOnPath_AddsSequentialThreadAndProcessRowsForBothWorkloads()
    {
        if (PythonComparison.FindPython() is null)
        {
            Assert.Ignore("python3 is not on PATH; the CPython comparison is optional.");
        }

        using var output = TemporaryDirectory.Create("lab-python-test");
        var options = new BenchOptions(BenchProfile.Custom, output.Path, [1, 2], Repetitions: 1, WarmUpRuns: 0, WorkScale: 0.01, IncludePython: true);

        PythonOutcome outcome = PythonComparison.Run(options, CancellationToken.None);

        TestContext.Out.WriteLine(outcome.Note);
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(output.Path, PythonComparison.ScriptFileName)), Is.True, "the script is written next to the results");
            Assert.That(outcome.Rows.Select(row => (row.Workload, row.Executor, row.Workers)), Is.EquivalentTo(new[]
            {
                ("py-cpu-cosine", "sequential", 1), ("py-io-wait", "sequential", 1),
                ("py-cpu-cosine", "threads", 1), ("py-io-wait", "threads", 1), ("py-cpu-cosine", "processes", 1), ("py-io-wait", "processes", 1),
                ("py-cpu-cosine", "threads", 2), ("py-io-wait", "threads", 2), ("py-cpu-cosine", "processes", 2), ("py-io-wait", "processes", 2),
            }));
            Assert.That(outcome.Rows.SelectMany(row => row.Runs).Select(run => run.Wall), Is.All.GreaterThan(TimeSpan.Zero));
            Assert.That(outcome.Workloads.Select(workload => workload.Name), Is.EqualTo(new[] { "py-cpu-cosine", "py-io-wait" }));
        });
    }
}
