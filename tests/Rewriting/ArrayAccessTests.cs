using Lab.Rewriting.Tests.Support;
using Lab.Rewriting.Tests.TestDoubles;

namespace Lab.Rewriting.Tests;

/// <summary>Array element loads and stores get a hook with the array and the index.</summary>
public sealed class ArrayAccessTests
{
    [SetUp]
    public void ForgetEarlierCalls() => StandInLog.Clear();

    [Test]
    public void ElementStoresAndLoads_AreHookedWithTheArrayTheIndexAndTheLine()
    {
        object? result = RewrittenFixtures.WithDoubles.CallStatic("Arrays", "StoreAndLoad");

        Assert.That(result, Is.EqualTo("7x"));
        Assert.That(StandInLog.Entries.Select(c => (c.Member, c.Index)), Is.EqualTo(new[]
        {
            ("WriteElement", 2), ("WriteElement", 1), ("ReadElement", 2), ("ReadElement", 1),
        }));
        Assert.That(StandInLog.Entries[0].Target, Is.EqualTo(new[] { 0, 0, 7, 0 }));
        Assert.That(StandInLog.Entries[0].CallerLine, Is.EqualTo(FixtureSource.LineOf("Arrays.cs", "array-store")));
        Assert.That(StandInLog.Entries[2].CallerLine, Is.EqualTo(FixtureSource.LineOf("Arrays.cs", "array-load")));
    }

    [Test]
    public void LongIndices_AreHookedToo()
    {
        object? sum = RewrittenFixtures.WithDoubles.CallStatic("Arrays", "SumWithLongIndex", 5L);

        Assert.That(sum, Is.EqualTo(10L));
        Assert.That(StandInLog.Entries.Where(c => c.Member == "ReadElement").Select(c => c.Index), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public void StructElements_WithATypedStore_KeepTheirValue()
    {
        object? result = RewrittenFixtures.WithDoubles.CallStatic("Arrays", "Decimals");

        Assert.That(result, Is.EqualTo(5.0m));
        Assert.That(StandInLog.Entries.Select(c => c.Member), Is.EqualTo(new[] { "WriteElement", "ReadElement" }));
    }

    [Test]
    public void FreshParamsArrays_AreNotHooked()
    {
        object? joined = RewrittenFixtures.WithDoubles.CallStatic("Arrays", "Params");

        Assert.That(joined, Is.EqualTo("a,b,c,d,e"));
        Assert.That(StandInLog.Entries, Is.Empty);
    }

    [Test]
    public void CompoundAssignmentThroughAnElementAddress_IsHookedAsAReadThenAWrite_AtItsLine()
    {
        object? value = RewrittenFixtures.WithDoubles.CallStatic("Arrays", "IncrementInPlace");

        int line = FixtureSource.LineOf("Arrays.cs", "array-increment");
        Assert.That(value, Is.EqualTo(1));
        Assert.That(StandInLog.Entries.Select(c => (c.Member, c.Index)), Is.EqualTo(new[] { ("ReadElement", 0), ("WriteElement", 0), ("ReadElement", 0) }));
        Assert.That(StandInLog.Entries.Take(2).Select(c => c.CallerLine), Is.All.EqualTo(line));
    }

    [Test]
    public void ElementAddressPassedOnByRef_IsNotHooked()
    {
        object? value = RewrittenFixtures.WithDoubles.CallStatic("Arrays", "IncrementThroughRef");

        Assert.That(value, Is.EqualTo(1));
        Assert.That(StandInLog.Entries.Select(c => c.Member), Is.EqualTo(new[] { "ReadElement" }));
    }
}
