namespace Lab.Systematic.Rewriting;

/// <summary>An assembly rewritten in memory (for grading, which never writes student code to disk): its bytes, its PDB's and the report.</summary>
public sealed record RewrittenImage(byte[] Assembly, byte[]? Pdb, RewriteReport Report);
