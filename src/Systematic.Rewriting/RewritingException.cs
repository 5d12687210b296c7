namespace Lab.Systematic.Rewriting;

/// <summary>
/// The rewriter could not rewrite an assembly. The message names the assembly and, where known, the type, member,
/// IL offset and source line, and what to do, so a user can act on it without reading IL.
/// </summary>
public sealed class RewritingException : Exception
{
    /// <summary>Creates the exception with a message that already names where the problem is.</summary>
    public RewritingException(string message) : base(message) { }

    /// <summary>Creates the exception with a message that already names where the problem is, keeping the cause.</summary>
    public RewritingException(string message, Exception innerException) : base(message, innerException) { }
}
