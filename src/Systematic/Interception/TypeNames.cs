namespace Lab.Systematic.Interception;

/// <summary>Short, readable type names for traces: "List&lt;Int32&gt;" rather than "System.Collections.Generic.List`1[...]".</summary>
internal static class TypeNames
{
    public static string Short(Type type)
    {
        if (type.IsArray) return Short(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        string name = type.Name;
        int tick = name.IndexOf('`');
        if (tick > 0) name = name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Short))}>";
    }
}
