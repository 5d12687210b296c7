extern alias coyote;
using coyote::Lab.Scenarios.Coyote;
using Lab.Cli.Commands;
using Lab.Cli.Scenarios;
using Lab.Cli.Terminal;
using Lab.Scenarios;
using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Coyote.Traces;
using Lab.Systematic.Testing;

namespace Lab.Cli.Coyote;

/// <summary>
/// <c>lab explore --engine coyote</c> and <c>lab replay</c> of a Coyote trace: the scenario's Coyote-rewritten copy run
/// under Coyote with its stated configuration (CoyoteExpectations), printed in the lab's words, with Coyote's own.
/// </summary>
public static class CoyoteRuns
{
    /// <summary>The stated Coyote configuration of <paramref name="scenario"/> with the command line's overrides.</summary>
    public static CoyoteOptions Options(IScenario scenario, StrategyKind? strategy, int? iterations, ulong? seed, int? maxSteps, string? traceDirectory)
    {
        CoyoteOptions options = CoyoteExpectations.For(scenario.Id).Options;
        if (strategy is { } kind) options = options.WithStrategy(kind switch
        {
            StrategyKind.Random => CoyoteStrategy.Random,
            StrategyKind.Pct => CoyoteStrategy.Pct,
            StrategyKind.Fair => CoyoteStrategy.FairPct,
            StrategyKind.Portfolio => CoyoteStrategy.Portfolio,
            _ => throw new UsageException($"--strategy {kind.ToString().ToLowerInvariant()} is not offered by Coyote 1.7.11 (its DFS is internal); use random, pct, fair or portfolio"),
        });
        if (iterations is { } count) options = options.WithIterations(count);
        if (seed is { } value) options = options.WithSeed(value <= uint.MaxValue ? (uint)value : throw new UsageException($"--seed {value}: Coyote takes seeds up to {uint.MaxValue}"));
        if (maxSteps is { } steps) options = options.WithMaxSteps(steps);
        return traceDirectory is null ? options : options.WithTraceDirectory(traceDirectory);
    }

    /// <summary>Explores one variant under Coyote and prints the outcome; returns the exit code.</summary>
    public static int Explore(LabConsole console, IScenario scenario, Variant variant, CoyoteOptions options)
    {
        RequireSystematic(scenario);
        bool buggy = variant == Variant.Buggy;
        CoyoteExpectation expectation = CoyoteExpectations.For(scenario.Id);
        console.Line($"Exploring {CoyoteScenarios.TestName(scenario.Id, buggy)} under Microsoft Coyote 1.7.11: {scenario.Title}");
        console.Line($"  {options.Describe()}");
        CoyoteReport report = CoyoteScenarios.Explore(scenario.Id, buggy, options);
        console.Line();
        if (report.Bug is not { } bug)
        {
            console.Line($"no bug found: {report.Summary}");
            if (buggy && expectation.Finds is null) console.Line($"As documented: {expectation.Note}.");
            return ExitCodes.Success;
        }
        console.Line($"BUG FOUND: {bug.Kind}");
        console.Line(report.Summary);
        console.Line(bug.Message);
        string[] details = bug.CoyoteText.Split('\n').Skip(1).Take(6).Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToArray();
        foreach (string line in details) console.Line($"  {line.Trim()}");
        if (expectation.Note.Length > 0) console.Line($"Note: {expectation.Note}.");
        console.Line("Coyote names operations Op(1), Op(2), ... and gives no interleaving; the lab's engine shows one: drop --engine coyote.");
        console.Line();
        if (report.TracePath is { } path)
        {
            console.Line($"trace: {path}");
            console.Line($"replay: dotnet run --project tools/Lab -- replay \"{path}\"");
        }
        return ExitCodes.BugFound;
    }

    /// <summary>
    /// Replays a Coyote trace file with Coyote; exit 2 the same bug again, 0 no bug, 1 another bug or a bad trace. A trace
    /// that <c>grade --engine coyote</c> recorded on a student's file needs that file (<paramref name="submissionPath"/>):
    /// it is compiled and Coyote-rewritten again, as the grader's Coyote worker did.
    /// </summary>
    public static int Replay(LabConsole console, string tracePath, string? submissionPath = null)
    {
        CoyoteTrace trace = CoyoteTraceFile.Load(tracePath);
        TestSubject subject = TestSubject.Parse(trace.TestName) ?? throw new UsageException(
            $"the Coyote trace's test name '{trace.TestName}' does not name a lab scenario; expected '<scenario-id> (buggy|fixed)'");
        IScenario scenario = ScenarioLookup.Resolve(subject.ScenarioId);
        Action harness = subject switch
        {
            { Variant: { } variant } => CoyoteScenarios.Harness(scenario.Id, variant == Variant.Buggy),
            { IsSubmission: true } => SubmissionHarness(scenario, submissionPath),
            _ => throw new UsageException($"a Coyote trace replays a scenario's buggy or fixed variant or a submission, not '{subject.Label}'"),
        };
        console.Line($"Replaying {subject.TestName} with Microsoft Coyote from {Path.GetFullPath(tracePath)}");
        console.Line($"  recorded by {trace.Options.Describe()}, iteration {trace.Iteration}: {trace.Kind}: {trace.Message}");
        CoyoteReport replay = CoyoteExplorer.Replay(trace, harness);
        console.Line();
        if (replay.Bug is null)
        {
            console.Line("The schedule ran to the end without a bug.");
            return ExitCodes.Success;
        }
        if (!CoyoteExplorer.Reproduces(replay, trace))
        {
            console.ReportError($"the replay gave {replay.Bug}, not the recorded {trace.Kind}: {trace.Message}");
            return ExitCodes.UsageError;
        }
        console.Line($"REPRODUCED: {replay.Bug.Kind}");
        console.Line(replay.Bug.Message);
        return ExitCodes.BugFound;
    }

    // The student's file compiled for Coyote and rewritten again, as the grader's Coyote worker did.
    private static Action SubmissionHarness(IScenario scenario, string? submissionPath)
    {
        if (submissionPath is null) throw new UsageException("this Coyote trace was recorded on a student's file: add --submission path/to/that/file.cs");
        CoyoteCompiledSubmission compiled = CoyoteSubmission.CompileFile(submissionPath);
        if (compiled.LabPrimitives.Count > 0) throw new UsageException($"{submissionPath} uses the lab's own primitives, which Coyote cannot see; replay its lab trace instead");
        if (!compiled.Succeeded) throw new UsageException($"{submissionPath} does not compile for Coyote:{Environment.NewLine}{string.Join(Environment.NewLine, compiled.Errors)}");
        try
        {
            return CoyoteSecondOpinion.Harness(scenario.Id, CoyoteSecondOpinion.RewriteAndLoad(compiled, CoyoteCli.Locate()));
        }
        catch (InvalidOperationException problem)
        {
            throw new UsageException(problem.Message);
        }
    }

    private static void RequireSystematic(IScenario scenario)
    {
        if (!scenario.IsSystematic) throw new UsageException($"{scenario.Id} is stress-only: no systematic engine, the lab's or Coyote's, can show it");
    }
}
