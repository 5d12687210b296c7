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
        string scratch = ScratchFolder.Create();
        try
        {
            Directory.CreateDirectory(scratch);
            string dll = Path.Combine(scratch, compiled.AssemblyName + ".dll");
            File.WriteAllBytes(dll, compiled.Image!);
            File.WriteAllBytes(Path.ChangeExtension(dll, ".pdb"), compiled.Pdb!);
            if (CoyoteCli.Rewrite(cliPath, dll) is { } problem) return CoyoteOpinion.Without(exercise.Id, Verdict.Crashed, problem, blindSpots);
            assembly = Assembly.Load(File.ReadAllBytes(dll), File.ReadAllBytes(Path.ChangeExtension(dll, ".pdb")));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
        TimeSpan rewrittenAt = clock.Elapsed;
        if (!CoyoteExplorer.IsRewritten(assembly))
        {
            return CoyoteOpinion.Without(exercise.Id, Verdict.Crashed, "the Coyote CLI left the assembly unrewritten, so Coyote would run it uncontrolled", blindSpots);
        }
        CoyoteScenario scenario = CoyoteCatalog.Find(exercise.ScenarioId);
        Type implementation;
        try
        {
            implementation = ImplementationFinder.Find(assembly, scenario.Contract);
        }
        catch (UsageException problem)
        {
            return CoyoteOpinion.Without(exercise.Id, Verdict.CompileError, $"{name}: {problem.Message}", blindSpots);
        }
        phase(WorkerChannel.Running);
        CoyoteReport report = CoyoteExplorer.Explore($"{exercise.ScenarioId} (submission)", scenario.Harness(ImplementationFinder.FactoryFor(implementation)), options);
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
