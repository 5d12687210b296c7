namespace Lab.Systematic.Rewriting.StandIns;

/// <summary>The optional trailing parameters of a stand-in that the rewriter fills with constants describing the call site.</summary>
public enum SiteParameter
{
    /// <summary><c>string callerFile</c>: the source file of the call, from the PDB.</summary>
    CallerFile,

    /// <summary><c>int callerLine</c>: the source line of the call, from the PDB.</summary>
    CallerLine,

    /// <summary><c>string? resourceName</c>: the field or local the receiver, first argument or new object belongs to.</summary>
    ResourceName,
}
