namespace Lab.Systematic.Interception;

/// <summary>
/// Marks a static class whose public static methods stand in for the members of one framework type in rewritten code.
/// The rewriter (Lab.Systematic.Rewriting) finds these classes by reflection, so a new construct to control is one
/// new class here and its tests, with no edit to the rewriter. See docs/rewriting.md for the calling convention.
/// </summary>
/// <param name="targetTypeFullName">The intercepted type's full name as IL spells it, e.g. "System.Threading.Monitor" or
/// "System.Threading.Tasks.Task`1" for a generic type.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InterceptsTypeAttribute(string targetTypeFullName) : Attribute
{
    /// <summary>The intercepted type's full name as IL spells it (generic types with their `N arity suffix).</summary>
    public string TargetTypeFullName { get; } = targetTypeFullName;
}
