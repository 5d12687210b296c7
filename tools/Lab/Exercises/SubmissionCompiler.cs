using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Lab.Scenarios;
using Lab.Systematic.Rewriting;
using Lab.Systematic.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Lab.Cli.Exercises;

/// <summary>
/// Compiles a student's file with Roslyn against the contracts (Lab.Scenarios), the controlled primitives
/// (Lab.Systematic) and the framework, then checks the lab's rules: the syntax rules of <see cref="SubmissionRules"/>,
/// then every reference of the compiled IL (<see cref="ReferenceChecker"/>), and finally rewrites the checked image in
/// memory (<see cref="AssemblyRewriter"/>) so that its <c>lock</c>, Monitor, threads, tasks and plain fields run under
/// the explorer; a concurrency member the rewriter cannot control is an error too. Compiling never runs student code.
/// </summary>
public static partial class SubmissionCompiler
{
    /// <summary>The error code of code the rewriter cannot bring under the explorer's control.</summary>
    public const string UncontrolledCode = "LAB005";

    /// <summary>The usings every submission gets implicitly, like a project with implicit usings (minus System.Threading).</summary>
    public const string ImplicitUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n";

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles the file at <paramref name="path"/>; a missing file is reported as an error, not thrown.</summary>
    public static CompiledSubmission CompileFile(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) return new CompiledSubmission(full, null, [$"{Path.GetFileName(full)}: error: the file does not exist"]);
        byte[] bytes = File.ReadAllBytes(full);
        string? text = SourceText(bytes);
        return text is null
            ? new CompiledSubmission(full, null, [$"{Path.GetFileName(full)}: error {NotTextCode}: the file is not C# source text (binary, or not UTF-8)"])
            : Compile(full, text);
    }

    /// <summary>The error code of a file that is not UTF-8 text.</summary>
    public const string NotTextCode = "LAB004";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text when it is UTF-8 (with or without a byte-order mark) and holds no NUL character; otherwise null.</summary>
    public static string? SourceText(byte[] bytes)
    {
        ReadOnlySpan<byte> body = bytes.AsSpan().StartsWith(StrictUtf8.Preamble) ? bytes.AsSpan(StrictUtf8.Preamble.Length) : bytes;
        if (body.Contains((byte)0)) return null;
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Compiles <paramref name="source"/>, which traces will attribute to <paramref name="path"/>.</summary>
    public static CompiledSubmission Compile(string path, string source)
    {
        CSharpCompilation compilation = CreateCompilation(path, source, AssemblyNameFor("Submission_", path, source), References.Value, out SyntaxTree tree);
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Format)
            .Concat(SubmissionRules.Check(compilation, tree))
            .ToList();
        if (errors.Count > 0) return new CompiledSubmission(path, null, errors);
        IReadOnlyList<string> emitErrors = Emit(compilation, out byte[] image, out byte[] pdb);
        if (emitErrors.Count > 0) return new CompiledSubmission(path, null, emitErrors);
        IReadOnlyList<string> refused = ReferenceChecker.Check(image, pdb, path, source);
        return refused.Count > 0 ? new CompiledSubmission(path, null, refused) : RewriteChecked(path, image, pdb);
    }

    /// <summary>
    /// The compilation of one submitted file as every grading path makes it: the latest language, the implicit usings,
    /// a release library with nullable checks on. <paramref name="tree"/> is the file's own syntax tree.
    /// </summary>
    public static CSharpCompilation CreateCompilation(string path, string source, string assemblyName, IEnumerable<MetadataReference> references, out SyntaxTree tree)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        tree = CSharpSyntaxTree.ParseText(source, parse, path, Encoding.UTF8);
        SyntaxTree usings = CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.g.cs", Encoding.UTF8);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable);
        return CSharpCompilation.Create(assemblyName, [tree, usings], references, options);
    }

    /// <summary>Emits the assembly and its portable PDB; the emitter's errors, formatted, when it fails (and empty images then).</summary>
    public static IReadOnlyList<string> Emit(CSharpCompilation compilation, out byte[] image, out byte[] pdb)
    {
        using var imageStream = new MemoryStream();
        using var pdbStream = new MemoryStream();
        EmitResult emitted = compilation.Emit(imageStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        image = emitted.Success ? imageStream.ToArray() : [];
        pdb = emitted.Success ? pdbStream.ToArray() : [];
        return emitted.Success ? [] : emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Format).ToList();
    }

    /// <summary>Rewrites a checked image so the explorer controls it; what the rewriter cannot control is one error per member.</summary>
    private static CompiledSubmission RewriteChecked(string path, byte[] image, byte[] pdb)
    {
        string file = Path.GetFileName(path);
        RewrittenImage rewritten;
        try
        {
            rewritten = AssemblyRewriter.Rewrite(new MemoryStream(image, writable: false), new MemoryStream(pdb, writable: false));
        }
        catch (RewritingException exception)
        {
            return new CompiledSubmission(path, null, [$"{file}: error {UncontrolledCode}: {exception.Message}"]);
        }
        List<string> uncontrolled = rewritten.Report.Uncontrolled.Where(entry => !IsPassiveAsyncCall(entry)).ToList();
        if (uncontrolled.Count > 0)
        {
            return new CompiledSubmission(path, null, uncontrolled.Select(entry => Uncontrolled(file, entry)).Distinct().ToList());
        }
        return new CompiledSubmission(path, rewritten.Assembly, []) { Pdb = rewritten.Pdb };
    }

    /// <summary>"File.cs(12,1): error LAB005: Thread.get_Priority is not controlled ..." from the rewriter's "member at File.cs:12 (Type.Method)".</summary>
    private static string Uncontrolled(string file, string entry)
    {
        Match located = UncontrolledEntry().Match(entry);
        string where = located.Success ? $"{file}({located.Groups["line"].Value},1)" : file;
        string member = located.Success ? located.Groups["member"].Value : entry;
        return $"{where}: error {UncontrolledCode}: {member} is not controlled by the explorer (it would run real, unexplored " +
               "concurrency); use another member, or the controlled types of Lab.Systematic.Threading";
    }

    [GeneratedRegex(@"^(?<member>.+?) at [^ ]+:(?<line>\d+) \(")]
    private static partial Regex UncontrolledEntry();

    /// <summary>True for the rewriter's "AsyncTaskMethodBuilder`1&lt;System.Int32&gt;.Start(!!0&amp;) (C.M)": an async builder or awaiter member that suspends nothing.</summary>
    private static bool IsPassiveAsyncCall(string entry)
    {
        Match call = BuilderCall().Match(entry);
        return call.Success && ControlledFrameworkTypes.IsPassiveAsyncMember(call.Groups["type"].Value, call.Groups["member"].Value);
    }

    [GeneratedRegex(@"^(?<type>[\w.`]+)(?:<[^()]*>)?\.(?<member>\w+)\(")]
    private static partial Regex BuilderCall();

    /// <summary>A diagnostic as "File.cs(line,col): error ID: message", without the directories.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string where = span.Path is { Length: > 0 } file
            ? $"{Path.GetFileName(file)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): "
            : "";
        return $"{where}error {diagnostic.Id}: {diagnostic.GetMessage()}";
    }

    /// <summary>A name unique per file and content (after <paramref name="prefix"/>), so several submissions load side by side in one process.</summary>
    public static string AssemblyNameFor(string prefix, string path, string source)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(path + "\0" + source));
        return prefix + Convert.ToHexString(hash, 0, 8);
    }

    /// <summary>The framework's trusted platform assemblies (those of the shared runtime folder) plus <paramref name="lab"/>, as references.</summary>
    public static IReadOnlyList<MetadataReference> FrameworkReferencesAnd(params string[] lab)
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal));
        return framework.Concat(lab).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }

    /// <summary>The framework plus the lab's contracts (the scenarios', and the exercises' own) and controlled primitives.</summary>
    private static IReadOnlyList<MetadataReference> LoadReferences() =>
        FrameworkReferencesAnd(typeof(TestingEngine).Assembly.Location, typeof(IScenario).Assembly.Location, typeof(Contracts.IAsyncOnce).Assembly.Location);
}
