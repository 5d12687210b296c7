namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// The table of non-thread-safe collection members the collection pass hooks, and whether each reads or writes the
/// collection. Members not listed (constructors, comparers, capacity queries) are left alone.
/// </summary>
public static class CollectionMembers
{
    private static readonly string[] CommonReads = ["get_Count", "GetEnumerator", "Contains", "CopyTo", "ToArray"];

    private static readonly Dictionary<string, (string Short, string[] Reads, string[] Writes)> Table = new(StringComparer.Ordinal)
    {
        ["System.Collections.Generic.List`1"] = ("List",
            ["get_Item", "IndexOf", "LastIndexOf", "Find", "FindIndex", "FindLast", "FindLastIndex", "FindAll", "Exists", "TrueForAll", "BinarySearch", "ForEach", "GetRange", "ConvertAll", "get_Capacity", "AsReadOnly"],
            ["Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "Clear", "set_Item", "Sort", "Reverse", "set_Capacity", "TrimExcess", "EnsureCapacity"]),
        ["System.Collections.Generic.Dictionary`2"] = ("Dictionary",
            ["get_Item", "ContainsKey", "ContainsValue", "TryGetValue", "get_Keys", "get_Values"],
            ["Add", "TryAdd", "Remove", "Clear", "set_Item", "EnsureCapacity", "TrimExcess"]),
        ["System.Collections.Generic.HashSet`1"] = ("HashSet",
            ["TryGetValue", "IsSubsetOf", "IsSupersetOf", "IsProperSubsetOf", "IsProperSupersetOf", "Overlaps", "SetEquals"],
            ["Add", "Remove", "Clear", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith", "RemoveWhere", "TrimExcess", "EnsureCapacity"]),
        ["System.Collections.Generic.Queue`1"] = ("Queue",
            ["Peek", "TryPeek"],
            ["Enqueue", "Dequeue", "TryDequeue", "Clear", "TrimExcess", "EnsureCapacity"]),
        ["System.Collections.Generic.Stack`1"] = ("Stack",
            ["Peek", "TryPeek"],
            ["Push", "Pop", "TryPop", "Clear", "TrimExcess", "EnsureCapacity"]),
        ["System.Collections.Generic.LinkedList`1"] = ("LinkedList",
            ["get_First", "get_Last", "Find", "FindLast"],
            ["AddFirst", "AddLast", "AddBefore", "AddAfter", "Remove", "RemoveFirst", "RemoveLast", "Clear"]),
        ["System.Collections.Generic.SortedDictionary`2"] = ("SortedDictionary",
            ["get_Item", "ContainsKey", "ContainsValue", "TryGetValue", "get_Keys", "get_Values"],
            ["Add", "TryAdd", "Remove", "Clear", "set_Item"]),
    };

    /// <summary>
    /// For a member of a listed collection: whether it writes, and the name hooks show (<c>List.Add</c>,
    /// <c>Dictionary.Count</c>, <c>Dictionary[]</c>, <c>Dictionary[]=</c>); null when the member is not hooked.
    /// </summary>
    public static (bool Writes, string Display)? Lookup(string typeFullName, string member)
    {
        if (!Table.TryGetValue(typeFullName, out var entry)) return null;
        bool writes = entry.Writes.Contains(member);
        if (!writes && !entry.Reads.Contains(member) && !CommonReads.Contains(member)) return null;
        string display = member switch
        {
            "get_Item" => $"{entry.Short}[]",
            "set_Item" => $"{entry.Short}[]=",
            _ when member.StartsWith("get_", StringComparison.Ordinal) => $"{entry.Short}.{member[4..]}",
            _ when member.StartsWith("set_", StringComparison.Ordinal) => $"{entry.Short}.{member[4..]}=",
            _ => $"{entry.Short}.{member}",
        };
        return (writes, display);
    }
}
