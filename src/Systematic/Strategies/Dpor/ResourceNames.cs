namespace Lab.Systematic.Strategies.Dpor;

/// <summary>Resource names as small integers, stable across the executions of one exploration.</summary>
internal sealed class ResourceNames
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Intern(string name)
    {
        if (!_ids.TryGetValue(name, out int id))
        {
            id = _ids.Count;
            _ids.Add(name, id);
        }
        return id;
    }
}
