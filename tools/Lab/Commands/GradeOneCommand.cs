using System.CommandLine;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Cli.Terminal;
using Lab.Systematic.Traces;

namespace Lab.Cli.Commands;

/// <summary>
/// <c>lab grade-one</c> (hidden): grades one file for one exercise and sends the result on the pipe the grader passed (see <see cref="WorkerChannel"/>). <c>lab
/// grade</c> runs it as a separate process per submission, so a submission that loops, overflows its stack or calls
/// Environment.Exit costs only its own exercise.
/// </summary>
public static class GradeOneCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var exercise = new Option<string>("--exercise") { Description = "The exercise id.", Required = true };
        var file = new Option<string>("--file") { Description = "The submitted source file.", Required = true };
        var image = new Option<string?>("--image") { Description = "The file already compiled by the parent (an assembly); compiled here when absent." };
        var corpus = new Option<string?>("--corpus") { Description = "A folder of corpus-N.json traces; built here when absent." };
        var seed = new Option<ulong>("--seed") { Description = "The exploration seed." };
        var budget = new Option<int>("--budget") { Description = "Portfolio iterations.", DefaultValueFactory = _ => new GradingSettings().Budget };
        var traceDirectory = new Option<string?>("--trace-dir") { Description = "Where failing traces go." };
        var resultPipe = new Option<string?>("--result-pipe") { Description = "The inherited pipe handle to send the result on (default: stdout)." };
        var command = new Command("grade-one", "Grade one submitted file for one exercise in this process (used by 'grade' as its worker).")
        {
            exercise, file, image, corpus, seed, budget, traceDirectory, resultPipe,
        };
        command.Hidden = true;
        CommandAction.Set(command, console, parse =>
        {
            // Opened first, before the submission is compiled or loaded: student code never sees this stream.
            using WorkerChannel channel = WorkerChannel.Open(parse.GetValue(resultPipe), console.OutWriter);
            channel.Phase(WorkerChannel.Compiling);
            Exercise chosen = ExerciseCatalog.Find(parse.GetRequiredValue(exercise));
            var settings = new GradingSettings { Seed = parse.GetValue(seed), Budget = parse.GetValue(budget) };
            if (parse.GetValue(traceDirectory) is { } directory) settings = settings with { TraceDirectory = Path.GetFullPath(directory) };
            string source = Path.GetFullPath(parse.GetRequiredValue(file));
            CompiledSubmission compiled = parse.GetValue(image) is { } imagePath
                ? new CompiledSubmission(source, File.ReadAllBytes(imagePath), [])
                : SubmissionCompiler.CompileFile(source);
            IReadOnlyList<ScheduleTrace> traces = parse.GetValue(corpus) is { } corpusDirectory
                ? RegressionCorpus.Load(corpusDirectory)
                : RegressionCorpus.Build(chosen.Scenario, settings.Seed, Path.Combine(settings.TraceDirectory, "corpus-scratch"));
            channel.Phase(WorkerChannel.Running);
            channel.Result(SubmissionGrader.Grade(chosen, compiled, traces, settings));
            return ExitCodes.Success;
        });
        return command;
    }
}
