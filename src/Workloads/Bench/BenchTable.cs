using System.Globalization;
using System.Text;

namespace Lab.Workloads.Bench;

/// <summary>Renders a bench result as fixed-width plain text, for logs and terminals without rich rendering.</summary>
public static class BenchTable
{
    /// <summary>The measurement table, the Amdahl fits, the overheads and the summary line.</summary>
    public static string Render(BenchResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{result.Machine.ProcessorCount} cores, {result.Machine.CpuModel ?? "unknown CPU"}, {result.Machine.Framework}, profile {result.Options.Profile}"));
        text.AppendLine();
        text.AppendLine(Invariant($"{"workload",-24} {"executor",-18} {"workers",7} {"median ms",10} {"CPU/wall",9} {"speedup",8}"));
        foreach (var row in result.Rows)
        {
            string speedup = row.Speedup is { } value ? value.ToString("F2", CultureInfo.InvariantCulture) : "";
            text.AppendLine(Invariant($"{row.Workload,-24} {row.Executor,-18} {row.Workers,7} {row.MedianWall.TotalMilliseconds,10:F1} {row.MedianCpuToWall,9:F2} {speedup,8}"));
        }

        text.AppendLine();
        text.AppendLine("Amdahl fits, T(n) = S + P/n, parallel fraction p = P/(S+P):");
        text.AppendLine(Invariant($"{"workload",-24} {"executor",-18} {"p",6} {"S ms",9} {"P ms",9} {"ceiling",8}  processors"));
        foreach (var fit in result.Fits)
        {
            text.AppendLine(Invariant($"{fit.Workload,-24} {fit.Executor,-18} {fit.Fit.ParallelFraction,6:F2} {fit.Fit.SerialSeconds * 1000,9:F1} {fit.Fit.ParallelSeconds * 1000,9:F1} {Ceiling(fit.Fit.SpeedupCeiling),8}  {fit.ProcessorModel}"));
        }

        text.AppendLine();
        var overheads = result.Overheads;
        text.AppendLine(Invariant($"Overheads: thread start {Micro(overheads.ThreadStart)}, process start {Milli(overheads.ProcessStart)}, thread hand-off {Micro(overheads.ThreadHandOff)}, process round trip {Micro(overheads.ProcessRoundTrip)}"));
        text.AppendLine("Process pool start-up: " + string.Join(", ", result.PoolStartups.Select(startup => Invariant($"{startup.Workers} workers {Milli(startup.Startup)}"))));
        foreach (string note in result.Notes)
        {
            text.AppendLine("Note: " + note);
        }

        text.AppendLine();
        text.AppendLine(result.SummaryLine);
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Ceiling(double ceiling) => double.IsPositiveInfinity(ceiling) ? "inf" : ceiling.ToString("F1", CultureInfo.InvariantCulture);

    private static string Micro(TimeSpan duration) => Invariant($"{duration.TotalMicroseconds:F1} µs");

    private static string Milli(TimeSpan duration) => Invariant($"{duration.TotalMilliseconds:F1} ms");
}
