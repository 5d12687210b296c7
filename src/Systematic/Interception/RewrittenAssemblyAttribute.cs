namespace Lab.Systematic.Interception;

/// <summary>
/// Stamped on an assembly by the rewriter: a second rewrite sees it and does nothing, and a rewrite made by another
/// version of the rewriter is refused with a message instead of being rewritten twice.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class RewrittenAssemblyAttribute(string rewriterVersion) : Attribute
{
    /// <summary>The version of the rewriter (and of its interception set) that rewrote the assembly.</summary>
    public string RewriterVersion { get; } = rewriterVersion;
}
