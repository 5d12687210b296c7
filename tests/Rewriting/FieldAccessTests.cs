using Lab.Rewriting.Tests.Support;
using Lab.Rewriting.Tests.TestDoubles;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Rewriting.Tests;

/// <summary>Field loads and stores of shared memory get a hook first; the accesses docs/rewriting.md lists are skipped.</summary>
public sealed class FieldAccessTests
{
    [SetUp]
    public void ForgetEarlierCalls() => StandInLog.Clear();

    [Test]
    public void CountPlusPlus_HasTheReadHookBeforeTheLoad_AndTheWriteHookBeforeTheStore()
    {
        MethodDefinition method = Il.Method(RewrittenFixtures.WithDoubles.Path, "Counter", "Increment");

        int readHook = Il.IndexOf(method, i => Il.IsCallTo(i, "RecordingMemoryAccess", "ReadField"));
        int load = Il.IndexOf(method, i => Il.Accesses(i, Code.Ldfld, "_count"));
        int writeHook = Il.IndexOf(method, i => Il.IsCallTo(i, "RecordingMemoryAccess", "WriteField"));
        int store = Il.IndexOf(method, i => Il.Accesses(i, Code.Stfld, "_count"));

        Assert.That(new[] { readHook, load, writeHook, store }, Has.All.GreaterThanOrEqualTo(0));
        Assert.That(readHook, Is.LessThan(load));
        Assert.That(load, Is.LessThan(writeHook));
        Assert.That(writeHook, Is.LessThan(store));
    }

    [Test]
    public void CountPlusPlus_CallsReadThenWrite_WithTheOwnerTheFieldAndTheSourceLine()
    {
        object counter = RewrittenFixtures.WithDoubles.Create("Counter");
        StandInLog.Clear();

        Rewritten.Call(counter, "Increment");

        int line = FixtureSource.LineOf("Counter.cs", "counter-increment");
        Assert.That(StandInLog.Entries.Select(c => (c.Member, c.Name, c.CallerLine)), Is.EqualTo(new[]
        {
            ("ReadField", "Counter._count", line),
            ("WriteField", "Counter._count", line),
        }));
        Assert.That(StandInLog.Entries.Select(c => c.Target), Has.All.SameAs(counter));
        Assert.That(Rewritten.Call(counter, "get_Count"), Is.EqualTo(1));
    }

    [Test]
    public void ReadonlyConstThreadStaticAndStructFields_AreNotHooked()
    {
        object fields = RewrittenFixtures.WithDoubles.Create("Fields", 7, null);
        StandInLog.Clear();

        object? result = Rewritten.Call(fields, "Skipped");

        Assert.That(result, Is.EqualTo(17));
        Assert.That(StandInLog.Entries, Is.Empty);
    }

    [Test]
    public void AConstructor_DoesNotHookItsOwnFields_ButHooksAnotherObjectsField()
    {
        object other = RewrittenFixtures.WithDoubles.Create("Fields", 1, null);
        StandInLog.Clear();

        RewrittenFixtures.WithDoubles.Create("Fields", 2, other);

        StandInCall write = StandInLog.Entries.Single();
        Assert.That((write.Member, write.Name, write.Target), Is.EqualTo(("WriteField", "Fields._plain", other)));
        Assert.That(write.CallerLine, Is.EqualTo(FixtureSource.LineOf("Fields.cs", "ctor-other")));
    }

    [Test]
    public void StaticFields_AreHookedWithANullOwner()
    {
        RewrittenFixtures.WithDoubles.CallStatic("Fields", "Static");

        int line = FixtureSource.LineOf("Fields.cs", "static");
        Assert.That(StandInLog.Entries.Take(2).Select(c => (c.Member, c.Name, c.Target, c.CallerLine)), Is.EqualTo(new[]
        {
            ("ReadField", "Fields.s_shared", (object?)null, line),
            ("WriteField", "Fields.s_shared", null, line),
        }));
    }

    [Test]
    public void VolatileFields_AreHooked_AndThePrefixStaysOnTheAccess()
    {
        object fields = RewrittenFixtures.WithDoubles.Create("Fields", 0, null);
        StandInLog.Clear();

        object? result = Rewritten.Call(fields, "Volatile");

        Assert.That(result, Is.EqualTo(3));
        Assert.That(StandInLog.Entries.Select(c => (c.Member, c.Name)), Is.EqualTo(new[] { ("WriteField", "Fields._flag"), ("ReadField", "Fields._flag") }));
        MethodDefinition method = Il.Method(RewrittenFixtures.WithDoubles.Path, "Fields", "Volatile");
        Assert.That(method.Body.Instructions.Where(i => i.OpCode.Code == Code.Volatile).Select(i => i.Next.OpCode.Code),
            Is.EqualTo(new[] { Code.Stfld, Code.Ldfld }));
    }

    [Test]
    public void ObjectInitializers_TouchAnObjectNobodyElseSeesYet_AndAreNotHooked()
    {
        object? value = RewrittenFixtures.WithDoubles.CallStatic("Fields", "Initializer");

        Assert.That(value, Is.EqualTo(5));
        Assert.That(StandInLog.Entries, Is.Empty);
    }

    [Test]
    public void CapturedLocals_LiveInASharedClosure_AndAreHooked()
    {
        object? hits = RewrittenFixtures.WithDoubles.CallStatic("Fields", "Captured");

        Assert.That(hits, Is.EqualTo(2));
        int line = FixtureSource.LineOf("Fields.cs", "captured");
        StandInCall[] accesses = StandInLog.Entries.Where(c => c.Name == "Fields.hits").ToArray();
        Assert.That(accesses.Count(c => c.Member == "ReadField" && c.CallerLine == line), Is.EqualTo(1));
        Assert.That(accesses.Count(c => c.Member == "WriteField" && c.CallerLine == line), Is.EqualTo(1));
        Assert.That(accesses.Count(c => c.Member == "ReadField"), Is.EqualTo(3), "two increments and the return");
    }

    [Test]
    public void AsyncStateMachineFields_AreNotHooked_ButTheObjectsOwnFieldIs()
    {
        object fields = RewrittenFixtures.WithDoubles.Create("Fields", 10, null);
        StandInLog.Clear();

        var sum = (Task<int>)Rewritten.Call(fields, "AsyncSum", 3)!;

        Assert.That(sum.GetAwaiter().GetResult(), Is.EqualTo(13));
        Assert.That(StandInLog.Entries.Select(c => (c.Member, c.Name)), Is.EqualTo(new[] { ("ReadField", "Fields._plain") }));
    }

    [Test]
    public void GenericCode_ParksStoredValuesInTemporariesOfTheRightType()
    {
        Type box = RewrittenFixtures.WithDoubles.Assembly.GetType("Lab.Rewriting.Fixtures.Box`1", throwOnError: true)!.MakeGenericType(typeof(int));

        object? result = box.GetMethod("Fill")!.MakeGenericMethod(typeof(string)).Invoke(null, ["a", "b"]);

        Assert.That(result, Is.EqualTo("aa"));
        Assert.That(StandInLog.Entries.Count(c => c.Name == "Box._value"), Is.EqualTo(4), "two swaps, each a read and a write");
    }
}
