namespace Lab.Systematic.Rewriting;

/// <summary>
/// The one list of assemblies the rewriter never touches: the framework (its own primitives are what the stand-ins
/// call), test frameworks (they must run the real thing) and the engine itself (rewriting it would make it schedule
/// its own scheduler).
/// </summary>
public static class UntouchableAssemblies
{
    /// <summary>The list as users read it in the error message.</summary>
    public const string Description = "System.*, Microsoft.*, netstandard, mscorlib, nunit*, Lab.Systematic*";

    /// <summary>True when <paramref name="assemblyName"/> (a simple name, no extension) is on the list.</summary>
    public static bool Contains(string assemblyName) =>
        assemblyName.Equals("System", StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
        || assemblyName.Equals("Microsoft", StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase)
        || assemblyName.Equals("netstandard", StringComparison.OrdinalIgnoreCase)
        || assemblyName.Equals("mscorlib", StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith("nunit", StringComparison.OrdinalIgnoreCase)
        || assemblyName.Equals("Lab.Systematic", StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith("Lab.Systematic.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws when <paramref name="assemblyName"/> is on the list, naming the list.</summary>
    public static void Refuse(string assemblyName)
    {
        if (Contains(assemblyName))
            throw new RewritingException(
                $"{assemblyName}: refused, the rewriter never touches framework, test-framework or engine assemblies ({Description}); rewrite the assembly with your own code instead.");
    }
}
