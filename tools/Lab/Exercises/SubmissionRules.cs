using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lab.Cli.Exercises;

/// <summary>
/// The lab's syntax rules for submissions, reported like compiler errors before anything is emitted: a type of
/// System.Threading, System.Threading.Tasks or System.Collections.Concurrent that the rewriter does not control
/// (a timer, a channel, a thread-local, ...) would run real, unexplored concurrency, so it is refused with a message
/// that says what is controlled. The <c>lock</c> statement, Monitor, Thread, Task.Run, SemaphoreSlim, Interlocked and
/// the concurrent collections are ordinary C# here: the grader rewrites them (<see cref="ControlledFrameworkTypes"/>).
/// </summary>
public static class SubmissionRules
{
    /// <summary>The error code of a concurrency type the explorer does not control.</summary>
    public const string UncontrolledCode = "LAB002";

    /// <summary>The rule violations in <paramref name="tree"/>, one message per type.</summary>
    public static IEnumerable<string> Check(Compilation compilation, SyntaxTree tree)
    {
        SemanticModel model = compilation.GetSemanticModel(tree);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SimpleNameSyntax name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (UncontrolledType(model.GetSymbolInfo(name).Symbol) is not { } type || !seen.Add(type)) continue;
            FileLinePositionSpan span = name.GetLocation().GetLineSpan();
            yield return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error " +
                         $"{UncontrolledCode}: {type} is real concurrency the explorer does not control; use 'lock', Monitor, Thread, Task.Run, " +
                         "SemaphoreSlim, the events, Interlocked, Volatile or the concurrent collections (or Lab.Systematic.Threading)";
        }
    }

    /// <summary>The uncontrolled concurrency type a symbol is or belongs to, by full name; null when it is allowed.</summary>
    private static string? UncontrolledType(ISymbol? symbol)
    {
        INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        if (type is null) return null;
        string ns = Outermost(type).ContainingNamespace.ToDisplayString();
        string full = FullName(type);
        return ControlledFrameworkTypes.ConcurrencyNamespaces.Contains(ns) && !SubmissionAllowlist.AllowsByName(full) && !ControlledFrameworkTypes.Contains(full)
            ? full
            : null;
    }

    private static INamedTypeSymbol Outermost(INamedTypeSymbol type)
    {
        while (type.ContainingType is { } outer) type = outer;
        return type;
    }

    /// <summary>"Namespace.Outer+Inner`1", the spelling of <see cref="ControlledFrameworkTypes"/>.</summary>
    private static string FullName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        return type.ContainingType is { } outer ? $"{FullName(outer)}+{name}" : $"{type.ContainingNamespace.ToDisplayString()}.{name}";
    }
}
