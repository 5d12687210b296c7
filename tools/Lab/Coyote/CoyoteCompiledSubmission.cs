namespace Lab.Cli.Coyote;

/// <summary>A student's file compiled against the Coyote copy of the contracts, before Coyote rewrites it.</summary>
/// <param name="SourcePath">The full path of the file.</param>
/// <param name="AssemblyName">The compiled assembly's name (apart from the lab's compilation of the same file).</param>
/// <param name="Image">The assembly, or null when it did not compile, broke the allowlist, or uses the lab's own primitives.</param>
/// <param name="Pdb">Its portable PDB (so Coyote's exception reports carry file:line), or null.</param>
/// <param name="Errors">Compiler and allowlist errors, empty on success.</param>
/// <param name="LabPrimitives">Uses of Lab.Systematic.Threading, which Coyote cannot see ("Counter.cs(19,22): Shared&lt;T&gt;"); non-empty means not explorable.</param>
/// <param name="BlindSpots">Constructs the submission uses that Coyote 1.7.11 is documented to miss or misread, one sentence each.</param>
public sealed record CoyoteCompiledSubmission(
    string SourcePath, string AssemblyName, byte[]? Image, byte[]? Pdb, IReadOnlyList<string> Errors, IReadOnlyList<string> LabPrimitives, IReadOnlyList<string> BlindSpots)
{
    /// <summary>True when there is an assembly for Coyote to rewrite and explore.</summary>
    public bool Succeeded => Image is not null;
}
