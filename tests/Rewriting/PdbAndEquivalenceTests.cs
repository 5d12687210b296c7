using Lab.Rewriting.Tests.Support;
using Lab.Rewriting.Tests.TestDoubles;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Rewriting.Tests;

/// <summary>The rewritten assembly keeps its line numbers, and outside an exploration it computes what the original computes.</summary>
public sealed class PdbAndEquivalenceTests
{
    [Test]
    public void TheRewrittenPdb_StillMapsTheIncrementToItsSourceLine()
    {
        MethodDefinition method = Il.Method(RewrittenFixtures.WithDoubles.Path, "Counter", "Increment");
        Instruction store = method.Body.Instructions.Single(i => Il.Accesses(i, Code.Stfld, "_count"));

        SequencePoint? point = method.DebugInformation.SequencePoints.LastOrDefault(p => !p.IsHidden && p.Offset <= store.Offset);

        Assert.That(point?.StartLine, Is.EqualTo(FixtureSource.LineOf("Counter.cs", "counter-increment")));
        Assert.That(Path.GetFileName(point?.Document.Url), Is.EqualTo("Counter.cs"));
    }

    [Test]
    public void AHookCallsCallerLineConstant_IsTheSourceLineOfItsAccess()
    {
        MethodDefinition method = Il.Method(RewrittenFixtures.WithDoubles.Path, "Counter", "Increment");
        Instruction hook = method.Body.Instructions.First(i => Il.IsCallTo(i, "RecordingMemoryAccess", "ReadField"));

        Assert.That(hook.Previous.OpCode.Code, Is.AnyOf(Code.Ldc_I4, Code.Ldc_I4_S));
        Assert.That(Convert.ToInt32(hook.Previous.Operand), Is.EqualTo(FixtureSource.LineOf("Counter.cs", "counter-increment")));
    }

    private static IEnumerable<TestCaseData> FixtureCalls()
    {
        yield return new TestCaseData("Counter", "RunLocked", new object[] { 50 }).SetName("Counter.RunLocked");
        yield return new TestCaseData("ExplicitMonitor", "EnterAndExit", Array.Empty<object>()).SetName("ExplicitMonitor.EnterAndExit");
        yield return new TestCaseData("ExplicitMonitor", "LocalSpinLock", Array.Empty<object>()).SetName("ExplicitMonitor.LocalSpinLock");
        yield return new TestCaseData("ExplicitMonitor", "TaskResult", Array.Empty<object>()).SetName("ExplicitMonitor.TaskResult");
        yield return new TestCaseData("ExplicitMonitor", "CompareExchange", Array.Empty<object>()).SetName("ExplicitMonitor.CompareExchange");
        yield return new TestCaseData("Fields", "Initializer", Array.Empty<object>()).SetName("Fields.Initializer");
        yield return new TestCaseData("Fields", "Captured", Array.Empty<object>()).SetName("Fields.Captured");
        yield return new TestCaseData("Arrays", "StoreAndLoad", Array.Empty<object>()).SetName("Arrays.StoreAndLoad");
        yield return new TestCaseData("Arrays", "SumWithLongIndex", new object[] { 100L }).SetName("Arrays.SumWithLongIndex");
        yield return new TestCaseData("Arrays", "Params", Array.Empty<object>()).SetName("Arrays.Params");
        yield return new TestCaseData("Arrays", "IncrementInPlace", Array.Empty<object>()).SetName("Arrays.IncrementInPlace");
        yield return new TestCaseData("Arrays", "Decimals", Array.Empty<object>()).SetName("Arrays.Decimals");
        yield return new TestCaseData("Collections", "ListWork", Array.Empty<object>()).SetName("Collections.ListWork");
        yield return new TestCaseData("Collections", "DictionaryWork", Array.Empty<object>()).SetName("Collections.DictionaryWork");
        yield return new TestCaseData("Collections", "Others", Array.Empty<object>()).SetName("Collections.Others");
    }

    [TestCaseSource(nameof(FixtureCalls))]
    public void RewrittenAndOriginal_GiveTheSameResult_OutsideAnExploration(string type, string method, object[] arguments)
    {
        object? original = typeof(Lab.Rewriting.Fixtures.Counter).Assembly.GetType($"Lab.Rewriting.Fixtures.{type}", true)!.GetMethod(method)!.Invoke(null, arguments);

        Assert.That(RewrittenFixtures.WithEngine.CallStatic(type, method, arguments), Is.EqualTo(original), "rewritten with the engine's stand-ins and hooks");
        Assert.That(RewrittenFixtures.WithDoubles.CallStatic(type, method, arguments), Is.EqualTo(original), "rewritten with the recording test doubles");
    }

    [Test]
    public void RewrittenAndOriginal_GiveTheSameResult_ForInstanceMethods()
    {
        var original = new Lab.Rewriting.Fixtures.ExplicitMonitor();
        int expected = original.AddUnderLock(1) + original.AddUnderSemaphore(2) + original.AddUnderSpinLock(3);

        foreach (Rewritten rewritten in new[] { RewrittenFixtures.WithEngine, RewrittenFixtures.WithDoubles })
        {
            object monitor = rewritten.Create("ExplicitMonitor");
            object? actual = (int)Rewritten.Call(monitor, "AddUnderLock", 1)! + (int)Rewritten.Call(monitor, "AddUnderSemaphore", 2)! + (int)Rewritten.Call(monitor, "AddUnderSpinLock", 3)!;
            Assert.That(actual, Is.EqualTo(expected));
        }
        StandInLog.Clear();
    }
}
