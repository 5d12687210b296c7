using Lab.Workloads.Charts;
using Lab.Workloads.Overheads;

namespace Lab.Workloads.Bench;

/// <summary>Everything a bench run measured, with the derived fits and summary, and the means to write it out.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Options">What was asked for.</param>
/// <param name="Workloads">The workloads and their exact parameters.</param>
/// <param name="Rows">One row per matrix cell, with every raw run.</param>
/// <param name="Fits">Amdahl fits per workload and executor.</param>
/// <param name="Overheads">Start-up and per-message costs of threads and processes.</param>
/// <param name="PoolStartups">What starting each process pool cost.</param>
/// <param name="SummaryLine">The one-line verdict, <c>cpu_threads=… io_gil=…</c>.</param>
/// <param name="Elapsed">How long the whole run took.</param>
/// <param name="Notes">Anything the reader should know: skipped parts, checksum mismatches.</param>
public sealed record BenchResult(
    MachineDescription Machine,
    BenchOptions Options,
    IReadOnlyList<BenchWorkload> Workloads,
    IReadOnlyList<BenchRow> Rows,
    IReadOnlyList<ExecutorFit> Fits,
    OverheadReport Overheads,
    IReadOnlyList<PoolStartup> PoolStartups,
    string SummaryLine,
    TimeSpan Elapsed,
    IReadOnlyList<string> Notes)
{
    /// <summary>The name of the JSON file inside the output directory.</summary>
    public const string JsonFileName = "bench.json";

    /// <summary>Writes bench.json into <paramref name="directory"/> (created if needed) and returns its path.</summary>
    public string WriteJson(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, JsonFileName);
        File.WriteAllText(path, BenchJson.Serialize(this));
        return path;
    }

    /// <summary>Writes one SVG chart per workload into <paramref name="directory"/> and returns their paths.</summary>
    public IReadOnlyList<string> WriteCharts(string directory)
    {
        Directory.CreateDirectory(directory);
        return BenchCharts.Create(this).Select(named =>
        {
            string path = Path.Combine(directory, named.FileName);
            SvgLineChart.Write(named.Chart, path);
            return path;
        }).ToArray();
    }

    /// <summary>Writes bench.json and the charts into <paramref name="directory"/>.</summary>
    public BenchFiles WriteFiles(string directory) => new(WriteJson(directory), WriteCharts(directory));

    /// <summary>The results as a plain-text table.</summary>
    public string RenderTable() => BenchTable.Render(this);
}
