using Lab.Systematic.Interception;
using Mono.Cecil;

namespace Lab.Systematic.Rewriting.Marking;

/// <summary>Reads and stamps <c>[assembly: RewrittenAssembly(version)]</c>, so a second rewrite is a no-op and a stale one is refused.</summary>
public static class RewriteMarker
{
    private static readonly string AttributeName = typeof(RewrittenAssemblyAttribute).FullName!;

    /// <summary>The rewriter version stamped on <paramref name="assembly"/>, or null when it was never rewritten.</summary>
    public static string? Read(AssemblyDefinition assembly) => assembly.CustomAttributes
        .Where(a => a.AttributeType.FullName == AttributeName)
        .Select(a => a.ConstructorArguments.Count == 1 ? a.ConstructorArguments[0].Value as string ?? "" : "")
        .FirstOrDefault();

    /// <summary>Stamps <paramref name="version"/> on <paramref name="assembly"/>.</summary>
    public static void Stamp(AssemblyDefinition assembly, MethodReference attributeConstructor, string version)
    {
        var attribute = new CustomAttribute(attributeConstructor);
        attribute.ConstructorArguments.Add(new CustomAttributeArgument(assembly.MainModule.TypeSystem.String, version));
        assembly.CustomAttributes.Add(attribute);
    }
}
