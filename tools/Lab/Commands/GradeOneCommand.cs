using System.CommandLine;
using Lab.Cli.Coyote;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Cli.Terminal;
using Lab.Systematic.Traces;

namespace Lab.Cli.Commands;

/// <summary>
/// <c>lab grade-one</c> (hidden): compiles and grades one file for one exercise and sends the result on the pipe the
/// grader passed (see <see cref="WorkerChannel"/>). <c>lab grade</c> runs it as a separate process per submission, so
/// a submission that loops, overflows its stack or breaks the compiler costs only its own exercise.
/// </summary>
public static class GradeOneCommand
{
    /// <summary>The <c>--corpus</c> value that reads the corpus from stdin, as the grader sends it.</summary>
    public const string StandardInput = "-";

    /// <summary>The stack the compiler runs on: deeply nested code then ends in a compiler error rather than a stack overflow.</summary>
    public const int CompilerStackBytes = 256 * 1024 * 1024;

    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var exercise = new Option<string>("--exercise") { Description = "The exercise id.", Required = true };
        var file = new Option<string>("--file") { Description = "The submitted source file.", Required = true };
        var corpus = new Option<string?>("--corpus") { Description = "A folder of corpus-N.json traces, or - to read the corpus from stdin; built here when absent." };
        var seed = new Option<ulong>("--seed") { Description = "The exploration seed." };
        var budget = new Option<int>("--budget") { Description = "Portfolio iterations.", DefaultValueFactory = _ => new GradingSettings().Budget };
        var traceDirectory = new Option<string?>("--trace-dir") { Description = "Where failing traces go." };
        var resultPipe = new Option<string?>("--result-pipe") { Description = "The inherited pipe handle to send the result on (default: stdout)." };
        var engine = new Option<string>("--engine") { Description = "lab (default): the lab's grading; coyote: Microsoft Coyote's second opinion instead.", DefaultValueFactory = _ => "lab" };
        var coyoteCli = new Option<string?>("--coyote-cli") { Description = "Coyote's CLI entry assembly (default: the one the tool manifest names)." };
        var command = new Command("grade-one", "Grade one submitted file for one exercise in this process (used by 'grade' as its worker).")
        {
            exercise, file, corpus, seed, budget, traceDirectory, resultPipe, engine, coyoteCli,
        };
        command.Hidden = true;
        CommandAction.Set(command, console, parse =>
        {
            // Opened first, before the submission is compiled or loaded: student code never sees this stream.
            using WorkerChannel channel = WorkerChannel.Open(parse.GetValue(resultPipe), console.OutWriter);
            Exercise chosen = ExerciseCatalog.Find(parse.GetRequiredValue(exercise));
            if (CoyoteGrading.WantsOpinion(parse.GetRequiredValue(engine)))
            {
                string coyoteTraces = Path.GetFullPath(parse.GetValue(traceDirectory) ?? new GradingSettings().TraceDirectory);
                channel.Result(CoyoteSecondOpinion.Form(chosen, Path.GetFullPath(parse.GetRequiredValue(file)), CoyoteGrading.Seed(parse.GetValue(seed)), coyoteTraces,
                    parse.GetValue(coyoteCli) ?? CoyoteCli.Locate(), channel.Phase));
                return ExitCodes.Success;
            }
            var settings = new GradingSettings { Seed = parse.GetValue(seed), Budget = parse.GetValue(budget) };
            if (parse.GetValue(traceDirectory) is { } directory) settings = settings with { TraceDirectory = Path.GetFullPath(directory) };
            IReadOnlyList<ScheduleTrace> traces = parse.GetValue(corpus) switch
            {
                StandardInput => RegressionCorpus.Deserialize(Console.In.ReadToEnd()),
                { } corpusDirectory => RegressionCorpus.Load(corpusDirectory),
                null => RegressionCorpus.Build(chosen.Scenario, settings.Seed, Path.Combine(settings.TraceDirectory, "corpus-scratch")),
            };
            channel.Phase(WorkerChannel.Compiling);
            CompiledSubmission compiled = CompileOnLargeStack(Path.GetFullPath(parse.GetRequiredValue(file)));
            channel.Phase(WorkerChannel.Running);
            channel.Result(SubmissionGrader.Grade(chosen, compiled, traces, settings));
            return ExitCodes.Success;
        });
        return command;
    }

    private static CompiledSubmission CompileOnLargeStack(string path)
    {
        CompiledSubmission? compiled = null;
        var compiler = new Thread(() => compiled = SubmissionCompiler.CompileFile(path), CompilerStackBytes) { Name = "compiler" };
        compiler.Start();
        compiler.Join();
        return compiled ?? throw new InvalidOperationException("the compiler thread ended without a result");
    }
}
