using Mono.Cecil;

namespace Lab.Systematic.Rewriting.Il;

/// <summary>How fields and types are named to hooks: <c>"Counter._count"</c>, short type name, no namespace, no arity.</summary>
public static class FieldNames
{
    /// <summary><c>DeclaringType.name</c> with the short type name.</summary>
    public static string Of(FieldReference field)
    {
        // A captured local lives in a compiler-generated closure class nested in the user's type: name it by that type.
        TypeReference owner = field.DeclaringType;
        while (owner.Name.StartsWith('<') && owner.DeclaringType is not null) owner = owner.DeclaringType;
        return $"{ShortTypeName(owner)}.{field.Name}";
    }

    /// <summary>The type's name without namespace, outer types or generic arity (<c>List`1</c> is <c>List</c>).</summary>
    public static string ShortTypeName(TypeReference type)
    {
        string name = type.GetElementType().Name;
        int tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }
}
