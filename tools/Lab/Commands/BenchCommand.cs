using System.CommandLine;
using Lab.Cli.Terminal;
using Lab.Workloads.Bench;

namespace Lab.Cli.Commands;

/// <summary><c>lab bench [--quick] [--out DIR]</c>: the threads-versus-processes bench of Lab.Workloads, with progress and its summary.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var quick = new Option<bool>("--quick") { Description = "Quarter-size workloads and two repetitions: under a minute on two cores." };
        var output = new Option<string>("--out") { Description = "Where bench.json and the charts go.", DefaultValueFactory = _ => BenchOptions.DefaultOutputDirectory };
        var command = new Command("bench", "Measure threads, the thread pool, tasks, an emulated GIL and processes on CPU- and I/O-bound workloads.") { quick, output };
        CommandAction.Set(command, console, parse =>
        {
            string directory = OutputPath.WritableDirectory(parse.GetRequiredValue(output), "--out");
            BenchOptions options = parse.GetValue(quick) ? BenchOptions.Quick(directory) : BenchOptions.Full(directory);
            BenchResult result = ProgressDisplay.Run(console, "bench", update => BenchRunner.Run(options,
                new SynchronousProgress<BenchProgress>(p => update(new ProgressUpdate(p.Completed, p.Total, p.Activity)))));
            BenchFiles files = result.WriteFiles(directory);
            console.Line(BenchTable.Render(result));
            console.Line($"wrote {files.Json} and {files.Charts.Count} charts");
            console.Line(result.SummaryLine);
            return ExitCodes.Success;
        });
        return command;
    }
}
