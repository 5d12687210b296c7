using System.Reflection;
using Lab.Systematic.Interception;

namespace Lab.Systematic.Rewriting;

/// <summary>
/// How the rewriter runs: immutable, each <c>With*</c> returns a changed copy. Every default is what a build uses.
/// </summary>
public sealed record RewriterOptions
{
    /// <summary>The options a build uses: Lab.Systematic's stand-ins and hooks, rewrite in place, keep no original.</summary>
    public static RewriterOptions Default { get; } = new();

    /// <summary>
    /// Assemblies searched (by reflection) for <see cref="InterceptsTypeAttribute"/> stand-in classes. Default: the
    /// engine, <c>Lab.Systematic</c>. Tests add an assembly of test doubles.
    /// </summary>
    public IReadOnlyList<Assembly> StandInAssemblies { get; init; } = [typeof(InterceptsTypeAttribute).Assembly];

    /// <summary>The static class whose <c>ReadField</c>, <c>WriteField</c>, ... the memory-access passes call. Default: <see cref="MemoryAccess"/>.</summary>
    public Type MemoryAccessHooks { get; init; } = typeof(MemoryAccess);

    /// <summary>Extra folders searched for referenced assemblies (a build passes its references' folders). Default: none.</summary>
    public IReadOnlyList<string> SearchDirectories { get; init; } = [];

    /// <summary>Where a file rewrite writes; null (the default) rewrites the assembly in place.</summary>
    public string? OutputPath { get; init; }

    /// <summary>A folder that receives an untouched copy of the assembly and its PDB before a rewrite; null (the default) keeps none.</summary>
    public string? OriginalCopyDirectory { get; init; }

    /// <summary>A copy with <paramref name="assemblies"/> as the stand-in assemblies.</summary>
    public RewriterOptions WithStandInAssemblies(params Assembly[] assemblies) => this with { StandInAssemblies = assemblies };

    /// <summary>A copy calling <paramref name="hooks"/> for memory accesses.</summary>
    public RewriterOptions WithMemoryAccessHooks(Type hooks) => this with { MemoryAccessHooks = hooks };

    /// <summary>A copy that also searches <paramref name="directories"/> for references.</summary>
    public RewriterOptions WithSearchDirectories(params string[] directories) => this with { SearchDirectories = [.. SearchDirectories, .. directories] };

    /// <summary>A copy writing to <paramref name="path"/> instead of in place.</summary>
    public RewriterOptions WithOutputPath(string? path) => this with { OutputPath = path };

    /// <summary>A copy keeping the original in <paramref name="directory"/>.</summary>
    public RewriterOptions WithOriginalCopyDirectory(string? directory) => this with { OriginalCopyDirectory = directory };
}
