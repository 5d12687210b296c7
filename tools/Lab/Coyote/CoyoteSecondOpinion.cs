extern alias coyote;
using System.Reflection;
using Lab.Cli.Commands;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Systematic.Coyote.Testing;
using CoyoteCatalog = coyote::Lab.Scenarios.ScenarioCatalog;
using CoyoteExpectation = coyote::Lab.Scenarios.Coyote.CoyoteExpectation;
using CoyoteExpectations = coyote::Lab.Scenarios.Coyote.CoyoteExpectations;
using CoyoteScenario = coyote::Lab.Scenarios.IScenario;

namespace Lab.Cli.Coyote;

/// <summary>
/// The worker's side of <c>lab grade --engine coyote</c>: compiles a submission against the Coyote copy of the
/// contracts, has Coyote's CLI rewrite it in a private scratch folder, loads it, and runs the exercise scenario's Coyote
/// harness over it under Coyote's TestingEngine with the scenario's stated configuration (CoyoteExpectations) and the
/// grading seed. Loads and runs student code: only in a grading worker.
/// </summary>
public static class CoyoteSecondOpinion
{
    /// <summary>What the file reads as to Coyote; <paramref name="phase"/> hears "compiling" and then "running" (student code).</summary>
    public static CoyoteOpinion Form(Exercise exercise, string file, uint seed, string traceDirectory, string cliPath, Action<string> phase)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (exercise.OwnScenario is not null)
        {
            return CoyoteOpinion.Without(exercise.Id, null,
                $"{exercise.Id} brings its own async scenario, which has no Coyote harness; the second opinion covers the exercises of Lab.Scenarios");
        }
        CoyoteExpectation expectation = CoyoteExpectations.For(exercise.ScenarioId);
        CoyoteOptions options = expectation.Options.WithSeed(seed).WithTraceDirectory(traceDirectory);
        phase(WorkerChannel.Compiling);
        CoyoteCompiledSubmission compiled = CompileOnLargeStack(file);
        TimeSpan compiledAt = clock.Elapsed;
        IReadOnlyList<string> blindSpots = [.. ScenarioNote(expectation), .. compiled.BlindSpots];
        string name = Path.GetFileName(file);
        if (compiled.LabPrimitives.Count > 0)
        {
            return CoyoteOpinion.Without(exercise.Id, null,
                $"{name} uses the lab's own primitives, which Coyote cannot see ({string.Join("; ", compiled.LabPrimitives)}); " +
                "it explores ordinary C# only (lock, Monitor, Thread, Interlocked, SemaphoreSlim, plain fields)", blindSpots) with { Configuration = options.Describe() };
        }
        if (!compiled.Succeeded)
        {
            return CoyoteOpinion.Without(exercise.Id, Verdict.CompileError,
                $"{name} does not compile against the Coyote copy of the contracts:{Environment.NewLine}{string.Join(Environment.NewLine, compiled.Errors)}", blindSpots);
        }
        Assembly assembly;
        try
        {
            assembly = RewriteAndLoad(compiled, cliPath);
        }
        catch (InvalidOperationException problem)
        {
            return CoyoteOpinion.Without(exercise.Id, Verdict.Crashed, problem.Message, blindSpots);
        }
        TimeSpan rewrittenAt = clock.Elapsed;
        Action harness;
        try
        {
            harness = Harness(exercise.ScenarioId, assembly);
        }
        catch (UsageException problem)
        {
            return CoyoteOpinion.Without(exercise.Id, Verdict.CompileError, $"{name}: {problem.Message}", blindSpots);
        }
        phase(WorkerChannel.Running);
        CoyoteReport report = CoyoteExplorer.Explore(TestName(exercise.ScenarioId), harness, options);
        if (report.Bug is null && report.UncontrolledInvocations.Count > 0)
        {
            blindSpots = [.. blindSpots, $"Coyote saw calls it does not control ({string.Join(", ", report.UncontrolledInvocations.Take(4))}): what they order was not explored"];
        }
        return new CoyoteOpinion
        {
            ExerciseId = exercise.Id,
            Verdict = report.Bug is null ? Verdict.Correct : Verdict.Buggy,
            Kind = report.Bug?.Kind.ToString(),
            Iterations = report.Iterations,
            Detail = report.Bug?.Message ?? $"no bug in {report.Iterations} iterations",
            Configuration = options.Describe(),
            BlindSpots = blindSpots,
            TracePath = report.TracePath,
            Phases = $"compile {compiledAt.TotalSeconds:0.0} s, rewrite {(rewrittenAt - compiledAt).TotalSeconds:0.0} s, explore {report.Elapsed.TotalSeconds:0.0} s",
        };
    }

    /// <summary>The test name of a submission's Coyote run, the lab's convention: "deadlocks/lock-order-inversion (submission)".</summary>
    public static string TestName(string scenarioId) => $"{scenarioId} ({Lab.Cli.Scenarios.TestSubject.SubmissionLabel})";

    /// <summary>
    /// Writes <paramref name="compiled"/> to a private scratch folder, has Coyote's CLI rewrite it there, and loads the
    /// rewritten assembly (with its PDB) into this process; an <see cref="InvalidOperationException"/> with the CLI's words when that fails.
    /// </summary>
    public static Assembly RewriteAndLoad(CoyoteCompiledSubmission compiled, string cliPath)
    {
        if (compiled.Image is not { } image || compiled.Pdb is not { } pdb) throw new InvalidOperationException($"{compiled.SourcePath} did not compile");
        string scratch = ScratchFolder.Create();
        Assembly assembly;
        try
        {
            Directory.CreateDirectory(scratch);
            string dll = Path.Combine(scratch, compiled.AssemblyName + ".dll");
            File.WriteAllBytes(dll, image);
            File.WriteAllBytes(Path.ChangeExtension(dll, ".pdb"), pdb);
            if (CoyoteCli.Rewrite(cliPath, dll) is { } problem) throw new InvalidOperationException(problem);
            assembly = Assembly.Load(File.ReadAllBytes(dll), File.ReadAllBytes(Path.ChangeExtension(dll, ".pdb")));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
        return CoyoteExplorer.IsRewritten(assembly)
            ? assembly
            : throw new InvalidOperationException("the Coyote CLI left the assembly unrewritten, so Coyote would run it uncontrolled");
    }

    /// <summary>The Coyote copy's harness of <paramref name="scenarioId"/> over the one class of <paramref name="assembly"/> implementing its contract (a <see cref="UsageException"/> when there is not exactly one).</summary>
    public static Action Harness(string scenarioId, Assembly assembly)
    {
        CoyoteScenario scenario = CoyoteCatalog.Find(scenarioId);
        return scenario.Harness(ImplementationFinder.FactoryFor(ImplementationFinder.Find(assembly, scenario.Contract)));
    }

    // The scenario's own documented difference from the lab, e.g. "models Monitor.TryEnter as a blocking Enter".
    private static IEnumerable<string> ScenarioNote(CoyoteExpectation expectation) =>
        expectation.Note.Length > 0 ? [$"{expectation.ScenarioId}: {expectation.Note}"] : [];

    private static CoyoteCompiledSubmission CompileOnLargeStack(string path)
    {
        CoyoteCompiledSubmission? compiled = null;
        var compiler = new Thread(() => compiled = CoyoteSubmission.CompileFile(path), GradeOneCommand.CompilerStackBytes) { Name = "coyote-compiler" };
        compiler.Start();
        compiler.Join();
        return compiled ?? throw new InvalidOperationException("the compiler thread ended without a result");
    }
}
