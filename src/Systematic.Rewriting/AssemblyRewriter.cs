using Lab.Systematic.Interception;
using Lab.Systematic.Rewriting.Marking;
using Lab.Systematic.Rewriting.Passes;
using Lab.Systematic.Rewriting.StandIns;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting;

/// <summary>
/// Rewrites a compiled assembly so ordinary C# reaches the engine: concurrency members call their stand-ins, and
/// shared memory accesses call hooks first (docs/rewriting.md). Line numbers survive through the portable PDB.
/// </summary>
public static class AssemblyRewriter
{
    /// <summary>
    /// The version stamped on rewritten assemblies. Bump it when the rewriting changes: an assembly stamped with
    /// another version is refused instead of being rewritten on top of an older rewrite.
    /// </summary>
    public const string Version = "1";

    /// <summary>The passes, in the order they run over each method.</summary>
    public static IReadOnlyList<IRewritingPass> CreatePasses() =>
        [new MemberInterceptionPass(), new FieldAccessPass(), new ArrayAccessPass(), new CollectionAccessPass(), new CatchHandlerPass()];

    /// <summary>
    /// Rewrites the assembly at <paramref name="assemblyPath"/> (and its PDB beside it), in place or to
    /// <see cref="RewriterOptions.OutputPath"/>, writing through a temporary file and a rename.
    /// </summary>
    /// <exception cref="RewritingException">The assembly is refused or holds code the rewriter cannot handle.</exception>
    public static RewriteReport RewriteFile(string assemblyPath, RewriterOptions? options = null)
    {
        options ??= RewriterOptions.Default;
        string fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath)) throw new RewritingException($"{assemblyPath}: no such assembly.");
        string pdbPath = Path.ChangeExtension(fullPath, ".pdb");
        byte[] image = File.ReadAllBytes(fullPath);
        byte[]? pdb = File.Exists(pdbPath) ? File.ReadAllBytes(pdbPath) : null;
        string output = Path.GetFullPath(options.OutputPath ?? fullPath);

        RewrittenImage? rewritten = RewriteImage(image, pdb, options, Path.GetDirectoryName(fullPath)!, out RewriteReport report);
        if (rewritten is null)
        {
            if (output != fullPath) CopyPair(fullPath, pdb is null ? null : pdbPath, output);
            return report;
        }
        if (options.OriginalCopyDirectory is { } originals)
        {
            Directory.CreateDirectory(originals);
            CopyPair(fullPath, pdb is null ? null : pdbPath, Path.Combine(originals, Path.GetFileName(fullPath)));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        if (rewritten.Pdb is not null) WriteAtomically(Path.ChangeExtension(output, ".pdb"), rewritten.Pdb);
        WriteAtomically(output, rewritten.Assembly);
        return report;
    }

    /// <summary>
    /// Rewrites an assembly held in memory (grading never writes student code to disk). Returns the rewritten bytes,
    /// or the input's bytes unchanged with <see cref="RewriteReport.AlreadyRewritten"/> when it already carries the marker.
    /// </summary>
    /// <exception cref="RewritingException">The assembly is refused or holds code the rewriter cannot handle.</exception>
    public static RewrittenImage Rewrite(Stream peImage, Stream? pdb, RewriterOptions? options = null)
    {
        options ??= RewriterOptions.Default;
        byte[] image = ReadAll(peImage);
        byte[]? symbols = pdb is null ? null : ReadAll(pdb);
        return RewriteImage(image, symbols, options, searchDirectory: null, out RewriteReport report)
            ?? new RewrittenImage(image, symbols, report);
    }

    private static RewrittenImage? RewriteImage(byte[] image, byte[]? pdb, RewriterOptions options, string? searchDirectory, out RewriteReport report)
    {
        using var resolver = new DefaultAssemblyResolver();
        foreach (string directory in resolver.GetSearchDirectories()) resolver.RemoveSearchDirectory(directory);
        if (searchDirectory is not null) resolver.AddSearchDirectory(searchDirectory);
        foreach (string directory in options.SearchDirectories.Where(Directory.Exists)) resolver.AddSearchDirectory(directory);
        foreach (string directory in options.StandInAssemblies.Select(a => Path.GetDirectoryName(a.Location)).OfType<string>().Where(d => d.Length > 0).Distinct())
            resolver.AddSearchDirectory(directory);
        // The shared framework folder, so System.* references resolve from obj/ as well as from bin/.
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);

        using var pdbStream = pdb is null ? null : new MemoryStream(pdb, writable: false);
        var reading = new ReaderParameters
        {
            AssemblyResolver = resolver,
            ReadingMode = ReadingMode.Immediate,
            ReadSymbols = pdbStream is not null,
            SymbolStream = pdbStream,
            SymbolReaderProvider = pdbStream is null ? null : new PortablePdbReaderProvider(),
        };
        AssemblyDefinition assembly;
        try
        {
            assembly = AssemblyDefinition.ReadAssembly(new MemoryStream(image, writable: false), reading);
        }
        catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException or ArgumentException or EndOfStreamException)
        {
            throw new RewritingException($"not a readable .NET assembly (or its PDB does not match it): {exception.Message}", exception);
        }
        using (assembly)
        {
            string name = assembly.Name.Name;
            UntouchableAssemblies.Refuse(name);
            string? stamped = RewriteMarker.Read(assembly);
            if (stamped == Version)
            {
                report = new RewriteReport(name, AlreadyRewritten: true, [], []);
                return null;
            }
            if (stamped is not null)
                throw new RewritingException(
                    $"{name}: was rewritten by rewriter version {stamped}, this is version {Version}; rebuild it from source (dotnet build --no-incremental) and rewrite the fresh build.");

            ModuleDefinition module = assembly.MainModule;
            using var importer = new MemberImporter(module, resolver);
            var context = new RewritingContext(module, new StandInCatalog(options.StandInAssemblies), importer, options.MemoryAccessHooks);
            IReadOnlyList<IRewritingPass> passes = CreatePasses();
            int[] counts = new int[passes.Count];
            foreach (TypeDefinition type in module.GetTypes().ToList())
            {
                foreach (MethodDefinition method in type.Methods.Where(m => m.HasBody).ToList())
                {
                    var rewrite = new MethodRewrite(method, context);
                    for (int i = 0; i < passes.Count; i++) counts[i] += passes[i].Rewrite(rewrite);
                    rewrite.Finish();
                }
            }
            RewriteMarker.Stamp(assembly, importer.Import(typeof(RewrittenAssemblyAttribute).GetConstructor([typeof(string)])!), Version);
            report = new RewriteReport(name, AlreadyRewritten: false,
                passes.Select((p, i) => new PassCount(p.Name, counts[i])).ToList(), context.Uncontrolled.ToList());

            using var assemblyOut = new MemoryStream();
            using var pdbOut = module.HasSymbols ? new MemoryStream() : null;
            assembly.Write(assemblyOut, new WriterParameters
            {
                WriteSymbols = pdbOut is not null,
                SymbolStream = pdbOut,
                SymbolWriterProvider = pdbOut is null ? null : new PortablePdbWriterProvider(),
                DeterministicMvid = true,
            });
            return new RewrittenImage(assemblyOut.ToArray(), pdbOut?.ToArray(), report);
        }
    }

    private static void CopyPair(string assembly, string? pdb, string destination)
    {
        WriteAtomically(destination, File.ReadAllBytes(assembly));
        if (pdb is not null) WriteAtomically(Path.ChangeExtension(destination, ".pdb"), File.ReadAllBytes(pdb));
    }

    /// <summary>Writes beside the target and renames, so a reader (or a build interrupted halfway) never sees half a file.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
