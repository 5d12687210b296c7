using System.Reflection;

namespace Lab.Cli.Exercises;

/// <summary>The outcome of compiling one submitted file: the assembly image, or the compiler's messages.</summary>
/// <param name="SourcePath">The full path of the compiled file (it appears in traces as the source of each step).</param>
/// <param name="Image">The assembly, or null when compilation failed.</param>
/// <param name="Errors">The error messages, "File.cs(12,5): error CS0103: ...", empty on success.</param>
public sealed record CompiledSubmission(string SourcePath, byte[]? Image, IReadOnlyList<string> Errors)
{
    /// <summary>The portable PDB of <see cref="Image"/>, so exceptions in student code carry file and line; null when there is none.</summary>
    public byte[]? Pdb { get; init; }

    /// <summary>True when the file compiled and obeyed the lab's rules.</summary>
    public bool Succeeded => Image is not null;

    /// <summary>Loads the assembly into this process; only call it in a process that may run student code.</summary>
    public Assembly Load() => Assembly.Load(Image ?? throw new InvalidOperationException($"{SourcePath} did not compile"), Pdb);
}
