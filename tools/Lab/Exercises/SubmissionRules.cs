using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lab.Cli.Exercises;

/// <summary>
/// The lab's rules for submissions, reported like compiler errors: code the explorer cannot see (the <c>lock</c>
/// statement, System.Threading, concurrent collections) would make exploration hang or miss bugs, so it is refused
/// with a message that names the controlled replacement.
/// </summary>
public static class SubmissionRules
{
    /// <summary>Namespaces whose types run real, uncontrolled synchronisation.</summary>
    public static readonly IReadOnlySet<string> ForbiddenNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Threading", "System.Threading.Tasks", "System.Collections.Concurrent",
    };

    /// <summary>Types of those namespaces that only carry constants or exceptions, and stay allowed.</summary>
    public static readonly IReadOnlySet<string> AllowedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Threading.Timeout", "System.Threading.SynchronizationLockException", "System.Threading.SemaphoreFullException",
        "System.Threading.LockRecursionException",
    };

    /// <summary>The rule violations in <paramref name="tree"/>, one message per construct and type.</summary>
    public static IEnumerable<string> Check(Compilation compilation, SyntaxTree tree)
    {
        SemanticModel model = compilation.GetSemanticModel(tree);
        SyntaxNode root = tree.GetRoot();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SyntaxNode node in root.DescendantNodes())
        {
            string? violation = node switch
            {
                LockStatementSyntax => "LAB001: the 'lock' statement uses System.Threading.Monitor, which the explorer cannot see; " +
                                       "write 'using (gate.EnterScope()) { ... }' with a Lab.Systematic.Threading.Lock",
                SimpleNameSyntax name when ForbiddenType(model.GetSymbolInfo(name).Symbol) is { } type =>
                    $"LAB002: {type} is real, uncontrolled synchronisation the explorer cannot see; use the controlled types of " +
                    "Lab.Systematic.Threading (ControlledThread, Lock, SemaphoreSlim, ManualResetEventSlim, Interlocked, Volatile, ...)",
                _ => null,
            };
            if (violation is null || !seen.Add(violation)) continue;
            FileLinePositionSpan span = node.GetLocation().GetLineSpan();
            yield return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {violation}";
        }
    }

    /// <summary>The forbidden type a symbol is or belongs to, by full name; null when it is allowed.</summary>
    private static string? ForbiddenType(ISymbol? symbol)
    {
        INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        while (type?.ContainingType is { } outer) type = outer;
        if (type is null) return null;
        string ns = type.ContainingNamespace.ToDisplayString();
        string full = ns + "." + type.Name;
        return ForbiddenNamespaces.Contains(ns) && !AllowedTypes.Contains(full) ? full : null;
    }
}
