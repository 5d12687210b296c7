using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace Lab.Cli.Exercises;

/// <summary>
/// Checks a compiled submission before anything loads it: every type and member its IL references (including what the
/// compiler emits for <c>lock</c>, <c>dynamic</c> or <c>foreach</c>) against <see cref="SubmissionAllowlist"/>, plus
/// P/Invoke declarations and function-pointer calls. Each refused member is one compiler-style error, located by the
/// PDB's sequence point of the first instruction that uses it (or, for a reference only in a signature or an
/// attribute, by the first line of source naming it). The bodies of <c>&lt;PrivateImplementationDetails&gt;</c>, which
/// only the compiler writes (e.g. the inline-array helpers behind <c>Task.WhenAll(a, b)</c>'s span parameter), are not
/// checked: no C# source can name that type or add to it.
/// </summary>
public static partial class ReferenceChecker
{
    /// <summary>The error code of a refused reference.</summary>
    public const string Code = "LAB003";

    private static readonly IReadOnlyDictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>The refused references of the assembly <paramref name="image"/> (with its portable PDB <paramref name="pdb"/>) compiled from <paramref name="source"/> at <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Check(byte[] image, byte[] pdb, string path, string source)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        MetadataReader metadata = pe.GetMetadataReader();
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(pdb));
        MetadataReader debug = pdbProvider.GetMetadataReader();
        Dictionary<EntityHandle, (string Name, string Why)> refused = Refused(metadata);
        var located = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var errors = new List<(string Name, string Why, int Line, int Column)>();
        var compilerOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
        {
            MethodDefinition method = metadata.GetMethodDefinition(handle);
            if (IsCompilerImplementationDetail(metadata, method))
            {
                if (method.RelativeVirtualAddress == 0) continue;
                foreach ((_, EntityHandle token, _) in Tokens(pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader()))
                    if (refused.TryGetValue(token, out var used)) compilerOnly.Add(used.Name);
                continue;
            }
            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0)
            {
                string name = metadata.GetString(method.Name);
                (int line, int column) = Find(source, "DllImport") ?? Find(source, name) ?? (1, 1);
                errors.Add(($"P/Invoke method {name}", "interop", line, column));
            }
            if (method.RelativeVirtualAddress == 0) continue;
            IReadOnlyList<SequencePoint> points = debug.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints()
                .Where(p => !p.IsHidden).ToList();
            foreach ((int offset, EntityHandle token, bool indirectCall) in Tokens(pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader()))
            {
                (string Name, string Why)? problem = indirectCall ? ("a function-pointer call (calli)", "unsafe code")
                    : refused.TryGetValue(token, out var found) ? found : null;
                if (problem is not { } p || located.ContainsKey(p.Name)) continue;
                SequencePoint[] before = points.Where(s => s.Offset <= offset).ToArray();
                located[p.Name] = before.Length > 0 ? (before[^1].StartLine, before[^1].StartColumn)
                    : points.Count > 0 ? (points[0].StartLine, points[0].StartColumn)
                    : Find(source, SimpleName(p.Name)) ?? (1, 1);
                errors.Add((p.Name, p.Why, located[p.Name].Line, located[p.Name].Column));
            }
        }
        foreach ((string name, string why) in refused.Values.Distinct())
        {
            if (errors.Any(e => e.Name == name || e.Name.StartsWith(name + ".", StringComparison.Ordinal))) continue;
            if (compilerOnly.Contains(name) || compilerOnly.Any(n => n.StartsWith(name + ".", StringComparison.Ordinal))) continue;
            (int line, int column) = Find(source, SimpleName(name)) ?? (1, 1);
            errors.Add((name, why, line, column));
        }
        if (metadata.GetTableRowCount(TableIndex.ModuleRef) > 0 && !errors.Any(e => e.Why == "interop"))
        {
            errors.Add(("a reference to a native module", "interop", 1, 1));
        }
        string file = Path.GetFileName(path);
        return errors
            .OrderBy(e => e.Line).ThenBy(e => e.Column)
            .Select(e => $"{file}({e.Line},{e.Column}): error {Code}: {e.Name} is not allowed in a submission ({e.Why}); use the contract, " +
                         "Lab.Systematic.Threading, collections, LINQ, Math, strings and exceptions")
            .ToList();
    }

    /// <summary>Every type reference, member reference, type specification and method instantiation the allowlist refuses, with why.</summary>
    private static Dictionary<EntityHandle, (string Name, string Why)> Refused(MetadataReader metadata)
    {
        var refused = new Dictionary<EntityHandle, (string, string)>();
        foreach (TypeReferenceHandle handle in metadata.TypeReferences)
        {
            (string name, string assembly) = TypeName(metadata, handle);
            if (SubmissionAllowlist.RefuseType(name, assembly) is { } why) refused[handle] = (name, why);
        }
        var decoder = new TypeNameDecoder(metadata);
        foreach (TypeSpecificationHandle handle in Enumerable.Range(1, metadata.GetTableRowCount(TableIndex.TypeSpec)).Select(MetadataTokens.TypeSpecificationHandle))
        {
            TypeNameDecoder.Decoded decoded = metadata.GetTypeSpecification(handle).DecodeSignature(decoder, null);
            if (decoded.Refs.FirstOrDefault(refused.ContainsKey) is { IsNil: false } inner) refused[handle] = refused[inner];
        }
        foreach (MemberReferenceHandle handle in metadata.MemberReferences)
        {
            MemberReference member = metadata.GetMemberReference(handle);
            string memberName = metadata.GetString(member.Name);
            EntityHandle parent = member.Parent;
            if (refused.TryGetValue(parent, out var owner))
            {
                refused[handle] = ($"{owner.Item1}.{memberName}", owner.Item2);
                continue;
            }
            string? typeName = parent.Kind switch
            {
                HandleKind.TypeReference => TypeName(metadata, (TypeReferenceHandle)parent).Name,
                HandleKind.TypeSpecification => metadata.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(decoder, null).Generic,
                _ => null,
            };
            if (typeName is not null && SubmissionAllowlist.RefuseMember(typeName, memberName) is { } why) refused[handle] = ($"{typeName}.{memberName}", why);
        }
        foreach (MethodSpecificationHandle handle in Enumerable.Range(1, metadata.GetTableRowCount(TableIndex.MethodSpec)).Select(MetadataTokens.MethodSpecificationHandle))
        {
            MethodSpecification spec = metadata.GetMethodSpecification(handle);
            if (refused.TryGetValue(spec.Method, out var method)) refused[handle] = method;
        }
        return refused;
    }

    /// <summary>True for a method of the compiler's own <c>&lt;PrivateImplementationDetails&gt;</c> class.</summary>
    private static bool IsCompilerImplementationDetail(MetadataReader metadata, MethodDefinition method)
    {
        TypeDefinition type = metadata.GetTypeDefinition(method.GetDeclaringType());
        return type.GetDeclaringType().IsNil && type.Namespace.IsNil && metadata.GetString(type.Name) == "<PrivateImplementationDetails>";
    }

    /// <summary>The full name of a referenced type (nested types joined by '+') and the assembly it is referenced from.</summary>
    private static (string Name, string Assembly) TypeName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        TypeReference type = metadata.GetTypeReference(handle);
        string name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            (string outer, string assembly) = TypeName(metadata, (TypeReferenceHandle)type.ResolutionScope);
            return ($"{outer}+{name}", assembly);
        }
        string ns = metadata.GetString(type.Namespace);
        string scope = type.ResolutionScope.Kind == HandleKind.AssemblyReference
            ? metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name)
            : "";
        return (ns.Length == 0 ? name : $"{ns}.{name}", scope);
    }

    /// <summary>Each metadata token an instruction of a method body names, with its IL offset; calli reports an indirect call.</summary>
    private static IEnumerable<(int Offset, EntityHandle Token, bool IndirectCall)> Tokens(BlobReader il)
    {
        var found = new List<(int, EntityHandle, bool)>();
        while (il.RemainingBytes > 0)
        {
            int offset = il.Offset;
            short code = il.ReadByte();
            if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
            OperandType operand = Operands.TryGetValue(code, out OperandType type) ? type : OperandType.InlineNone;
            switch (operand)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    int token = il.ReadInt32();
                    if ((token >> 24) is 0x01 or 0x0A or 0x1B or 0x2B) found.Add((offset, MetadataTokens.EntityHandle(token), false));
                    break;
                case OperandType.InlineSig:
                    il.ReadInt32();
                    found.Add((offset, default, true));
                    break;
                case OperandType.InlineSwitch:
                    il.Offset += 4 * il.ReadInt32();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineString or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }
        return found;
    }

    /// <summary>The first (line, column) of <paramref name="source"/> where <paramref name="word"/> appears as a whole word, 1-based.</summary>
    private static (int Line, int Column)? Find(string source, string word)
    {
        if (word.Length == 0) return null;
        Match match = Regex.Match(source, $@"\b{Regex.Escape(word)}\b");
        if (!match.Success && word.EndsWith("Attribute", StringComparison.Ordinal)) return Find(source, word[..^"Attribute".Length]);
        if (!match.Success) return null;
        int line = source.Take(match.Index).Count(c => c == '\n') + 1;
        int column = match.Index - (source.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1) + 1;
        return (line, column);
    }

    /// <summary>The last name of "Namespace.Type+Nested`1.Member" without arity.</summary>
    private static string SimpleName(string name)
    {
        string last = name.Split('.', '+').Last();
        int tick = last.IndexOf('`');
        return tick < 0 ? last : last[..tick];
    }
}
