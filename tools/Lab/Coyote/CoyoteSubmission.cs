extern alias coyote;
using System.Text.RegularExpressions;
using Lab.Cli.Exercises;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using CoyoteScenarios = coyote::Lab.Scenarios.Coyote.CoyoteScenarios;
using LabThreadingLock = Lab.Systematic.Threading.Lock;

namespace Lab.Cli.Coyote;

/// <summary>
/// Compiles a student's file for Coyote's second opinion: with Roslyn against the Coyote copy of the contracts
/// (Lab.Scenarios.Coyote, the assembly Coyote rewrites) rather than the lab's copy. The lab's syntax rules are not
/// applied (Coyote explores ordinary C#: <c>lock</c>, Monitor, Thread, Interlocked, plain fields), but the IL allowlist
/// is, except for the ordinary concurrency it refuses only because the lab's explorer cannot see it. A file that uses
/// the lab's own primitives compiles, and is reported as not explorable by Coyote.
/// </summary>
public static partial class CoyoteSubmission
{
    /// <summary>The allowlist's reason for ordinary concurrency, which Coyote controls (or, where it does not, the review says so).</summary>
    private const string OrdinaryConcurrency = SubmissionAllowlist.UncontrolledConcurrency;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles the file at <paramref name="path"/>; a missing or non-text file is an error, not an exception.</summary>
    public static CoyoteCompiledSubmission CompileFile(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) return Failed(full, $"{Path.GetFileName(full)}: error: the file does not exist");
        string? text = SubmissionCompiler.SourceText(File.ReadAllBytes(full));
        return text is null
            ? Failed(full, $"{Path.GetFileName(full)}: error {SubmissionCompiler.NotTextCode}: the file is not C# source text (binary, or not UTF-8)")
            : Compile(full, text);
    }

    /// <summary>Compiles <paramref name="source"/>, attributed to <paramref name="path"/>.</summary>
    public static CoyoteCompiledSubmission Compile(string path, string source)
    {
        CSharpCompilation compilation = SubmissionCompiler.CreateCompilation(
            path, source, SubmissionCompiler.AssemblyNameFor("CoyoteSubmission_", path, source), References.Value, out SyntaxTree tree);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(SubmissionCompiler.Format).ToList();
        if (errors.Count > 0) return new CoyoteCompiledSubmission(path, compilation.AssemblyName!, null, null, errors, [], []);
        SemanticModel model = compilation.GetSemanticModel(tree);
        IReadOnlyList<string> primitives = CoyoteSourceReview.LabPrimitives(model);
        IReadOnlyList<string> blindSpots = CoyoteSourceReview.BlindSpots(model);
        if (primitives.Count > 0) return new CoyoteCompiledSubmission(path, compilation.AssemblyName!, null, null, [], primitives, blindSpots);
        IReadOnlyList<string> emitErrors = SubmissionCompiler.Emit(compilation, out byte[] image, out byte[] pdb);
        if (emitErrors.Count > 0) return new CoyoteCompiledSubmission(path, compilation.AssemblyName!, null, null, emitErrors, [], blindSpots);
        var refused = ReferenceChecker.Check(image, pdb, path, source).Where(error => !AllowedForCoyote(error)).ToList();
        return refused.Count > 0
            ? new CoyoteCompiledSubmission(path, compilation.AssemblyName!, null, null, refused, [], blindSpots)
            : new CoyoteCompiledSubmission(path, compilation.AssemblyName!, image, pdb, [], [], blindSpots);
    }

    /// <summary>
    /// True for an allowlist error this path does not keep: ordinary System.Threading concurrency (what Coyote explores)
    /// and the Coyote copy's contract interfaces (the allowlist knows only the lab copy's assembly by name).
    /// </summary>
    private static bool AllowedForCoyote(string error)
    {
        Match refused = RefusedReference().Match(error);
        if (!refused.Success) return false;
        if (refused.Groups["why"].Value == OrdinaryConcurrency) return true;
        string name = refused.Groups["name"].Value;
        return ContractNames.Value.Any(contract => name == contract || name.StartsWith(contract + ".", StringComparison.Ordinal));
    }

    private static readonly Lazy<IReadOnlyList<string>> ContractNames = new(() => typeof(CoyoteScenarios).Assembly.GetTypes()
        .Where(t => t is { IsInterface: true, IsPublic: true, Namespace: { } ns } && ns.StartsWith("Lab.Scenarios.", StringComparison.Ordinal))
        .Select(t => t.FullName!)
        .ToList());

    private static CoyoteCompiledSubmission Failed(string path, string error) => new(path, "", null, null, [error], [], []);

    /// <summary>The framework, the Coyote copy of the contracts, and Lab.Systematic (so a use of its primitives binds and can be named).</summary>
    private static IReadOnlyList<MetadataReference> LoadReferences() =>
        SubmissionCompiler.FrameworkReferencesAnd(typeof(CoyoteScenarios).Assembly.Location, typeof(LabThreadingLock).Assembly.Location);

    [GeneratedRegex(@"error LAB003: (?<name>\S+) is not allowed in a submission \((?<why>[^)]*)\)")]
    private static partial Regex RefusedReference();
}
