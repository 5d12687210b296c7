using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lab.Cli.Coyote;

/// <summary>
/// Reads a compiled submission for what Microsoft Coyote 1.7.11 cannot see: the lab's own primitives (Coyote explores
/// ordinary C# only, so such a file is not explorable by it), and the ordinary constructs Coyote is documented to miss
/// or misread (measured for the Coyote issue: uncontrolled types, timed waits, TryEnter, static fields, the span WhenAll),
/// each named once with its first place in the file.
/// </summary>
public static class CoyoteSourceReview
{
    /// <summary>The namespace of the lab's controlled primitives.</summary>
    public const string LabThreading = "Lab.Systematic.Threading";

    private static readonly IReadOnlyDictionary<string, string> UncontrolledTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Threading.Lock"] = "Coyote 1.7.11 does not control System.Threading.Lock (a C# 13 lock on a Lock object): a deadlock or race through it is invisible to it",
        ["System.Threading.ManualResetEventSlim"] = "Coyote 1.7.11 does not control ManualResetEventSlim: a wait on it is real, and nothing it orders is explored",
        ["System.Threading.CountdownEvent"] = "Coyote 1.7.11 does not control CountdownEvent (it waits on a ManualResetEventSlim)",
        ["System.Threading.Barrier"] = "Coyote 1.7.11 does not control Barrier",
        ["System.Threading.ThreadPool"] = "Coyote 1.7.11 does not control ThreadPool work items: they run for real, unexplored",
        ["System.Threading.ReaderWriterLockSlim"] = "Coyote 1.7.11 does not control ReaderWriterLockSlim",
    };

    private const string TimedWait =
        "Coyote treats a timed wait as an infinite one: a bug that needs the time-out is invisible to it, and a timed wait nobody ends is reported as a deadlock";

    /// <summary>Each use of a type or member of Lab.Systematic.Threading, "Counter.cs(19,22): Lab.Systematic.Threading.Shared&lt;T&gt;".</summary>
    public static IReadOnlyList<string> LabPrimitives(SemanticModel model)
    {
        var found = new List<string>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (SimpleNameSyntax name in model.SyntaxTree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
        {
            ISymbol? symbol = SymbolOf(model, name);
            INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
            if (type is null || !InLabThreading(type.ContainingNamespace)) continue;
            string display = type.OriginalDefinition.ToDisplayString();
            if (named.Add(display)) found.Add($"{Where(name)}: {display}");
        }
        return found;
    }

    /// <summary>One sentence per construct of the submission that Coyote 1.7.11 is documented to miss or misread, with its first place.</summary>
    public static IReadOnlyList<string> BlindSpots(SemanticModel model)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, SyntaxNode at, string sentence) => found.TryAdd(key, $"{Where(at)}: {sentence}");
        SyntaxNode root = model.SyntaxTree.GetRoot();
        foreach (SimpleNameSyntax name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            ISymbol? symbol = SymbolOf(model, name);
            if ((symbol as INamedTypeSymbol ?? symbol?.ContainingType) is { } type
                && UncontrolledTypes.TryGetValue(type.OriginalDefinition.ToDisplayString(), out string? sentence))
            {
                Add(type.ToDisplayString(), name, sentence);
            }
            if (symbol is IFieldSymbol { IsStatic: true, IsConst: false, IsReadOnly: false } field && IsWrite(name) && SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, model.Compilation.Assembly))
            {
                Add("static " + field.Name, name,
                    $"{field.Name} is a static field, and Coyote never schedules at static-field accesses: a race on it is invisible to it (keep shared state in instance fields)");
            }
        }
        foreach (InvocationExpressionSyntax call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (SymbolOf(model, call) is not IMethodSymbol method) continue;
            string owner = method.ContainingType.OriginalDefinition.ToDisplayString();
            bool timed = method.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Int32 || p.Type.ToDisplayString() == "System.TimeSpan");
            switch (owner, method.Name)
            {
                case ("System.Threading.Monitor", "TryEnter"):
                    Add("TryEnter", call, "Coyote 1.7.11 models Monitor.TryEnter as a blocking Enter: a back-off never happens, so a livelock shows as a deadlock" +
                        (method.Parameters.Length == 2 && timed ? ", and TryEnter(o, int) is not rewritten at all (correct code then fails with SynchronizationLockException)" : ""));
                    break;
                case ("System.Threading.Monitor", "Wait") when timed:
                case ("System.Threading.SemaphoreSlim", "Wait") when timed && !IsZero(call):
                case ("System.Threading.Thread", "Join") when timed:
                    Add("timed wait", call, TimedWait);
                    break;
                case ("System.Threading.Tasks.Task", "WhenAll" or "WaitAll") when method.Parameters is [{ Type: INamedTypeSymbol { Name: "ReadOnlySpan" } }]:
                    Add("span WhenAll", call, $"Task.{method.Name}(t1, t2) binds to the ReadOnlySpan overload, which Coyote 1.7.11 does not rewrite: a real deadlock then reads \"potential deadlock or hang\"");
                    break;
            }
        }
        return found.Values.ToList();
    }

    private static ISymbol? SymbolOf(SemanticModel model, SyntaxNode node)
    {
        SymbolInfo info = model.GetSymbolInfo(node);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
    }

    private static bool InLabThreading(INamespaceSymbol? ns) => ns is not null && (ns.ToDisplayString() == LabThreading || ns.ToDisplayString().StartsWith(LabThreading + ".", StringComparison.Ordinal));

    private static bool IsWrite(SimpleNameSyntax name)
    {
        SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0 } => true,
            _ => false,
        };
    }

    private static bool IsZero(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments is [{ Expression: LiteralExpressionSyntax { Token.ValueText: "0" } }];

    private static string Where(SyntaxNode node)
    {
        FileLinePositionSpan span = node.GetLocation().GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }
}
