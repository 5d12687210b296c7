using System.CommandLine;
using Lab.Cli.Coyote;
using Lab.Cli.Exercises;
using Lab.Cli.Scenarios;
using Lab.Cli.Terminal;
using Lab.Scenarios;
using Lab.Systematic.Coyote.Traces;
using Lab.Systematic.Detection;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Cli.Commands;

/// <summary>
/// <c>lab replay &lt;trace.json&gt;</c>: re-runs one recorded schedule exactly. Exit code 2 the bug reproduced, 0 the
/// schedule ran without it, 1 the trace is missing, corrupt, or no longer matches the code (with the step where it parts).
/// </summary>
public static class ReplayCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var trace = new Argument<string>("trace") { Description = "The trace file an exploration wrote (its path is printed with the bug); a Coyote trace replays with Coyote." };
        var steps = new Option<bool>("--steps") { Description = "Print every step of the interleaving." };
        var submission = new Option<string?>("--submission") { Description = "For a trace recorded on a student's file: that file (it is compiled again)." };
        var html = new Option<string?>("--html") { Description = "Also write the replayed schedule as a self-contained HTML timeline to this file." };
        var command = new Command("replay", "Re-run the exact schedule of a trace and show the same failure.") { trace, steps, submission, html };
        CommandAction.Set(command, console, parse =>
            Replay(console, parse.GetRequiredValue(trace), parse.GetValue(submission), parse.GetValue(steps),
                parse.GetValue(html) is { } page ? OutputPath.WritableFile(page, "--html") : null));
        return command;
    }

    /// <summary>Replays <paramref name="tracePath"/> against the implementation its test name names; returns the exit code.</summary>
    public static int Replay(LabConsole console, string tracePath, string? submissionPath, bool allSteps, string? htmlPath = null)
    {
        RefuseWhatIsNotARegularFile(tracePath);
        if (CoyoteTraceFile.IsCoyoteTrace(tracePath)) return CoyoteRuns.Replay(console, tracePath, submissionPath);
        ScheduleTrace trace = TraceFile.Load(tracePath);
        TestSubject subject = TestSubject.Parse(trace.TestName) ?? throw new UsageException(
            $"the trace's test name '{trace.TestName}' does not name a lab scenario; expected '<scenario-id> (buggy|fixed|submission)'");
        IScenario scenario = ScenarioLookup.Resolve(subject.ScenarioId);
        Func<object> factory = FactoryFor(scenario, subject, submissionPath);
        console.Line($"Replaying {subject.TestName} from {Path.GetFullPath(tracePath)}");
        console.Line($"  recorded by {trace.Strategy}, seed {trace.Seed}, iteration {trace.Iteration}: {trace.Decisions.Count} decisions, {trace.Steps.Count} steps");
        TestReport report = TestingEngine.Replay(trace.TestName, tracePath, HarnessFor(scenario, subject, factory));
        console.Line();
        if (report.Bug is { Kind: BugKind.ReplayDivergence } divergence)
        {
            console.ReportError($"the trace no longer matches the code: {divergence.Message}");
            return ExitCodes.UsageError;
        }
        if (htmlPath is not null && report.Trace is { } replayed) console.Line($"timeline: {HtmlTimeline.Save(replayed, htmlPath)}");
        if (report.Bug is null)
        {
            console.Line(report.Summary);
            console.Line("The schedule ran to the end without a bug.");
            return ExitCodes.Success;
        }
        console.Line($"REPRODUCED: {report.Bug.Kind}");
        console.Line(report.Describe(allSteps ? 0 : ReportView.EdgeRows));
        return ExitCodes.BugFound;
    }

    /// <summary>
    /// A FIFO, a device or a folder is refused before it is opened (opening a FIFO blocks until someone writes to it);
    /// such files report no length, and an empty regular file is no trace either.
    /// </summary>
    private static void RefuseWhatIsNotARegularFile(string tracePath)
    {
        var file = new FileInfo(tracePath);
        if (Directory.Exists(tracePath)) throw new UsageException($"corrupt trace: '{tracePath}' is a folder, not a trace file");
        if (!file.Exists) return;
        if (file.Length == 0) throw new UsageException($"corrupt trace: '{tracePath}' is empty or not a regular file (a pipe or a device?)");
    }

    /// <summary>The scenario's harness, or the exercise oracle's when the trace was recorded by one.</summary>
    private static Action HarnessFor(IScenario scenario, TestSubject subject, Func<object> factory)
    {
        if (subject.Oracle is not { } name) return scenario.Harness(factory);
        ExerciseOracle oracle = ExerciseCatalog.ForScenario(scenario.Id)?.FindOracle(name)
            ?? throw new UsageException($"the trace names an oracle '{name}' that exercise of {scenario.Id} does not have");
        return oracle.Harness(factory);
    }

    private static Func<object> FactoryFor(IScenario scenario, TestSubject subject, string? submissionPath)
    {
        if (subject.Variant is { } variant) return scenario.Factory(variant);
        if (!subject.IsSubmission) throw new UsageException($"the trace names an unknown implementation '{subject.Label}' (expected buggy, fixed or submission)");
        if (submissionPath is null) throw new UsageException("this trace was recorded on a student's file: add --submission path/to/that/file.cs");
        CompiledSubmission compiled = SubmissionCompiler.CompileFile(submissionPath);
        if (!compiled.Succeeded) throw new UsageException($"{submissionPath} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, compiled.Errors)}");
        return ImplementationFinder.FactoryFor(ImplementationFinder.Find(compiled.Load(), scenario.Contract));
    }
}
