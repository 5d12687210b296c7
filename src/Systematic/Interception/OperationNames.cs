namespace Lab.Systematic.Interception;

/// <summary>Names operations after the code they run, as a person would: the method, not the compiler's lambda name.</summary>
internal static class OperationNames
{
    /// <summary>
    /// "Produce" for a method group, the enclosing method "Run" for a lambda (compiled as <c>&lt;Run&gt;b__3_0</c>),
    /// "Worker" for a local function (<c>&lt;Run&gt;g__Worker|3_0</c>); null when nothing readable is left.
    /// </summary>
    public static string? Of(Delegate? body) => body is null ? null : OfMethodName(body.Method.Name);

    /// <summary>Like <see cref="Of(Delegate?)"/>, from the compiled method's name.</summary>
    public static string? OfMethodName(string name)
    {
        if (!name.StartsWith('<')) return name;
        int local = name.IndexOf(">g__", StringComparison.Ordinal);
        if (local > 0)
        {
            int bar = name.IndexOf('|', local);
            return name[(local + 4)..(bar > 0 ? bar : name.Length)];
        }
        string trimmed = name.TrimStart('<');
        int close = trimmed.IndexOf('>');
        string enclosing = close > 0 ? trimmed[..close].TrimEnd('$') : "";
        return enclosing.Length > 0 ? enclosing : null;
    }
}
