namespace Lab.Systematic.Rewriting.Il;

/// <summary>A source file and line from the PDB, passed to hooks as <c>callerFile</c>/<c>callerLine</c>; empty and 0 without a PDB.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <summary>No sequence point at or before the instruction (no PDB, or compiler-generated code before the first line).</summary>
    public static SourceLocation None { get; } = new("", 0);

    /// <summary>True when the PDB gave a line.</summary>
    public bool IsKnown => Line > 0;

    /// <summary><c>Counter.cs:41</c>, or empty when unknown.</summary>
    public override string ToString() => IsKnown ? $"{Path.GetFileName(File)}:{Line}" : "";
}
