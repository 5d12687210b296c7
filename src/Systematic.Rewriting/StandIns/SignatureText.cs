using Mono.Cecil;

namespace Lab.Systematic.Rewriting.StandIns;

/// <summary>
/// One text form for a type in a member signature, computed both from Cecil (the call site) and from reflection (the
/// stand-in), so the two can be compared exactly. Generic parameters are written as the stand-in's method parameters
/// <c>!!n</c>: the intercepted type's parameters first, then the intercepted method's own. Nested types use IL's
/// <c>Outer/Inner</c>; custom modifiers (<c>in</c>) are dropped.
/// </summary>
public static class SignatureText
{
    /// <summary>The text of <paramref name="type"/> from a call site's member signature; the declaring type has <paramref name="typeArity"/> parameters.</summary>
    public static string Of(TypeReference type, int typeArity) => type switch
    {
        GenericParameter { Type: GenericParameterType.Method } p => "!!" + (typeArity + p.Position),
        GenericParameter p => "!!" + p.Position,
        ByReferenceType r => Of(r.ElementType, typeArity) + "&",
        PointerType p => Of(p.ElementType, typeArity) + "*",
        ArrayType a => Of(a.ElementType, typeArity) + (a.IsVector ? "[]" : "[" + new string(',', a.Rank - 1) + "]"),
        IModifierType m => Of(m.ElementType, typeArity),
        PinnedType p => Of(p.ElementType, typeArity),
        GenericInstanceType g => TypeName(g.ElementType.FullName) + "<" + string.Join(",", g.GenericArguments.Select(a => Of(a, typeArity))) + ">",
        _ => TypeName(type.FullName),
    };

    /// <summary>The text of the intercepted type itself in open form (<c>System.Threading.Tasks.Task`1&lt;!!0&gt;</c>).</summary>
    public static string OpenForm(TypeReference declaringType, int typeArity)
    {
        string name = TypeName(declaringType.GetElementType().FullName);
        return typeArity == 0 ? name : name + "<" + string.Join(",", Enumerable.Range(0, typeArity).Select(i => "!!" + i)) + ">";
    }

    /// <summary>The text of <paramref name="type"/> from a stand-in's reflected signature.</summary>
    public static string Of(Type type)
    {
        if (type.IsGenericParameter) return "!!" + type.GenericParameterPosition;
        if (type.IsByRef) return Of(type.GetElementType()!) + "&";
        if (type.IsPointer) return Of(type.GetElementType()!) + "*";
        if (type.IsArray) return Of(type.GetElementType()!) + (type.IsSZArray ? "[]" : "[" + new string(',', type.GetArrayRank() - 1) + "]");
        if (type.IsConstructedGenericType)
            return TypeName(type.GetGenericTypeDefinition().FullName!) + "<" + string.Join(",", type.GenericTypeArguments.Select(Of)) + ">";
        return TypeName(type.FullName ?? type.Name);
    }

    /// <summary>A full type name in IL's spelling: reflection's <c>Outer+Inner</c> becomes <c>Outer/Inner</c>.</summary>
    public static string TypeName(string fullName) => fullName.Replace('+', '/');
}
