namespace Lab.Rewriting.Fixtures;

/// <summary>Calls on the non-thread-safe generic collections.</summary>
public static class Collections
{
    /// <summary>List Add, Count, indexer, foreach (a value-type enumerator).</summary>
    public static int ListWork()
    {
        var list = new List<int>();
        list.Add(3); // @line:list-add
        list.Add(4);
        list[0] = list[1] + list.Count;
        int sum = 0;
        foreach (int item in list) sum += item; // @line:list-foreach
        return sum;
    }

    /// <summary>Dictionary TryGetValue (an out argument), indexer set, ContainsKey.</summary>
    public static string DictionaryWork()
    {
        var map = new Dictionary<string, int>();
        map["a"] = 1;
        map.TryAdd("b", 2);
        bool found = map.TryGetValue("b", out int b); // @line:dictionary-trygetvalue
        return $"{found}:{b}:{map.ContainsKey("c")}:{map.Count}";
    }

    /// <summary>Queue, Stack, HashSet, LinkedList and SortedDictionary in one go.</summary>
    public static string Others()
    {
        var queue = new Queue<int>();
        queue.Enqueue(1);
        queue.Enqueue(2);
        int dequeued = queue.Dequeue();
        queue.TryPeek(out int peeked);
        var stack = new Stack<string>();
        stack.Push("p");
        string popped = stack.Pop();
        var set = new HashSet<int> { 5 };
        bool added = set.Add(5);
        var linked = new LinkedList<int>();
        linked.AddLast(9);
        var sorted = new SortedDictionary<int, string> { [2] = "two" };
        sorted.Remove(3);
        return $"{dequeued}{peeked}{popped}{added}{linked.First!.Value}{sorted[2]}{set.Count}";
    }
}
