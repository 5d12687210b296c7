using Lab.Cli.Grading;
using Lab.Cli.Reports;
using Lab.Cli.Terminal;

namespace Lab.Cli.Commands;

/// <summary>
/// <c>lab grade --merge &lt;shard-out&gt;... --out &lt;dir&gt;</c>: joins the shard results of a class graded on a CI
/// matrix into one gradebook and the reports an unsharded run writes (the same bytes, timings aside), with the traces.
/// </summary>
public static class GradeMerge
{
    /// <summary>Merges the shards in <paramref name="shardDirectories"/> into <paramref name="outputDirectory"/>; returns the exit code.</summary>
    public static int Run(LabConsole console, IReadOnlyList<string> shardDirectories, string outputDirectory)
    {
        ShardMerge.MergedClass merged = ShardMerge.Load(shardDirectories, outputDirectory);
        GradeCommand.RefuseOutputInside(outputDirectory, merged.Plan.SubmissionsDirectory);
        OutputPath.WritableDirectory(outputDirectory, "--out");
        GradeReports.RemoveStale(outputDirectory);
        ShardMerge.CopyTraces(merged);
        GradingSettings settings = merged.Plan.Settings;
        console.Line($"Merged {merged.Shards.Count} shards of {merged.Plan.SubmissionsDirectory}: {merged.Students.Count} students, {merged.Plan.Exercises.Count} exercises, " +
                     $"seed {settings.Seed}, budget {settings.Budget}, time limit {settings.Timeout.TotalSeconds:0.#} s");
        GradeCommand.Report(console, merged.Plan, merged.Students);
        return ExitCodes.Success;
    }
}
