using Lab.Rewriting.Tests.Support;
using Lab.Rewriting.Tests.TestDoubles;

namespace Lab.Rewriting.Tests;

/// <summary>Calls on the non-thread-safe collections get a read or write hook with the collection and the member.</summary>
public sealed class CollectionAccessTests
{
    [SetUp]
    public void ForgetEarlierCalls() => StandInLog.Clear();

    [Test]
    public void ListCalls_AreHookedAsWritesAndReads_WithTheLine()
    {
        object? sum = RewrittenFixtures.WithDoubles.CallStatic("Collections", "ListWork");

        Assert.That(sum, Is.EqualTo(10));
        Assert.That(StandInLog.Entries.Select(c => (c.Member, c.Name)), Is.EqualTo(new[]
        {
            ("WriteCollection", "List.Add"), ("WriteCollection", "List.Add"),
            ("ReadCollection", "List[]"), ("ReadCollection", "List.Count"), ("WriteCollection", "List[]="),
            ("ReadCollection", "List.GetEnumerator"),
        }));
        Assert.That(StandInLog.Entries[0].CallerLine, Is.EqualTo(FixtureSource.LineOf("Collections.cs", "list-add")));
        Assert.That(StandInLog.Entries[^1].CallerLine, Is.EqualTo(FixtureSource.LineOf("Collections.cs", "list-foreach")));
        Assert.That(StandInLog.Entries[0].Target, Is.InstanceOf<List<int>>());
    }

    [Test]
    public void DictionaryCalls_WithOutArguments_KeepWorking()
    {
        object? result = RewrittenFixtures.WithDoubles.CallStatic("Collections", "DictionaryWork");

        Assert.That(result, Is.EqualTo("True:2:False:2"));
        Assert.That(StandInLog.Entries.Select(c => c.Name), Is.EqualTo(new[]
        {
            "Dictionary[]=", "Dictionary.TryAdd", "Dictionary.TryGetValue", "Dictionary.ContainsKey", "Dictionary.Count",
        }));
        Assert.That(StandInLog.Entries[2].CallerLine, Is.EqualTo(FixtureSource.LineOf("Collections.cs", "dictionary-trygetvalue")));
    }

    [Test]
    public void QueueStackSetLinkedListAndSortedDictionary_AreHooked()
    {
        object? result = RewrittenFixtures.WithDoubles.CallStatic("Collections", "Others");

        Assert.That(result, Is.EqualTo("12pFalse9two1"));
        Assert.That(StandInLog.Entries.Select(c => $"{c.Member[..^"Collection".Length]} {c.Name}"), Is.EqualTo(new[]
        {
            "Write Queue.Enqueue", "Write Queue.Enqueue", "Write Queue.Dequeue", "Read Queue.TryPeek",
            "Write Stack.Push", "Write Stack.Pop",
            "Write HashSet.Add", "Write HashSet.Add",
            "Write LinkedList.AddLast",
            "Write SortedDictionary[]=", "Write SortedDictionary.Remove",
            "Read LinkedList.First", "Read SortedDictionary[]", "Read HashSet.Count",
        }));
    }
}
