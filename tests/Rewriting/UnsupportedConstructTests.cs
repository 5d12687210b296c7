using Lab.Rewriting.Tests.Support;
using Lab.Rewriting.Tests.TestDoubles;
using Lab.Systematic.Rewriting;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Rewriting.Tests;

/// <summary>What the rewriter cannot control is an error that locates the IL, and prefixes are handled, not dropped blindly.</summary>
public sealed class UnsupportedConstructTests
{
    [SetUp]
    public void ForgetEarlierCalls() => StandInLog.Clear();

    [Test]
    public void ADelegateToAnInterceptedMember_IsAnError_NamingAssemblyTypeMemberAndOffset()
    {
        byte[] image = IlAssembly.Build("Delegates", typeof(void), [], (module, il) =>
        {
            il.Emit(OpCodes.Ldnull);
            il.Emit(OpCodes.Ldftn, module.ImportReference(typeof(Monitor).GetMethod(nameof(Monitor.Exit), [typeof(object)])));
            il.Emit(OpCodes.Newobj, module.ImportReference(typeof(Action<object>).GetConstructors()[0]));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ret);
        });

        var error = Assert.Throws<RewritingException>(() => AssemblyRewriter.Rewrite(new MemoryStream(image), null, RewrittenFixtures.DoublesOptions));

        Assert.That(error!.Message, Does.StartWith("Delegates: Probes.Probe.Run at IL_0001: a delegate to System.Threading.Monitor.Exit(Object) cannot be intercepted"));
    }

    [Test]
    public void AConstrainedCallOnAStructToAnInterceptedClassMember_IsAnError()
    {
        byte[] image = IlAssembly.Build("Constrained", typeof(void), [typeof(int)], (module, il) =>
        {
            il.Emit(OpCodes.Ldarga, il.Body.Method.Parameters[0]);
            il.Emit(OpCodes.Constrained, module.TypeSystem.Int32);
            il.Emit(OpCodes.Callvirt, module.ImportReference(typeof(SemaphoreSlim).GetMethod(nameof(SemaphoreSlim.Release), Type.EmptyTypes)));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ret);
        });

        var error = Assert.Throws<RewritingException>(() => AssemblyRewriter.Rewrite(new MemoryStream(image), null, RewrittenFixtures.DoublesOptions));

        Assert.That(error!.Message, Does.StartWith("Constrained: Probes.Probe.Run at IL_000a: a constrained call on System.Int32 to System.Threading.SemaphoreSlim.Release() cannot be intercepted"));
    }

    [Test]
    public void AConstrainedCallOnAClass_LoadsTheReceiverThroughItsAddress_AndDropsThePrefix()
    {
        byte[] image = IlAssembly.Build("ConstrainedClass", typeof(int), [typeof(SemaphoreSlim)], (module, il) =>
        {
            TypeReference semaphore = module.ImportReference(typeof(SemaphoreSlim));
            il.Emit(OpCodes.Ldarga, il.Body.Method.Parameters[0]);
            il.Emit(OpCodes.Constrained, semaphore);
            il.Emit(OpCodes.Callvirt, module.ImportReference(typeof(SemaphoreSlim).GetMethod(nameof(SemaphoreSlim.Release), Type.EmptyTypes)));
            il.Emit(OpCodes.Ret);
        });

        RewrittenImage rewritten = AssemblyRewriter.Rewrite(new MemoryStream(image), null, RewrittenFixtures.DoublesOptions);
        var loaded = new System.Runtime.Loader.AssemblyLoadContext("constrained", isCollectible: true).LoadFromStream(new MemoryStream(rewritten.Assembly));
        using var semaphore = new SemaphoreSlim(0);
        object? previous = loaded.GetType("Probes.Probe")!.GetMethod("Run")!.Invoke(null, [semaphore]);

        Assert.That(previous, Is.EqualTo(0));
        Assert.That(semaphore.CurrentCount, Is.EqualTo(1));
        Assert.That(StandInLog.Entries.Select(c => c.Member), Is.EqualTo(new[] { "SemaphoreSlim.Release" }));
        using var module = ModuleDefinition.ReadModule(new MemoryStream(rewritten.Assembly));
        Assert.That(module.GetType("Probes.Probe").Methods[0].Body.Instructions.Select(i => i.OpCode.Code), Has.None.EqualTo(Code.Constrained));
    }

    [Test]
    public void InMemoryRewriting_ReturnsALoadableImage_AndTheReport()
    {
        byte[] image = IlAssembly.Build("InMemory", typeof(void), [typeof(object)], (module, il) =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, module.ImportReference(typeof(Monitor).GetMethod(nameof(Monitor.Enter), [typeof(object)])));
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, module.ImportReference(typeof(Monitor).GetMethod(nameof(Monitor.Exit), [typeof(object)])));
            il.Emit(OpCodes.Ret);
        });

        RewrittenImage rewritten = AssemblyRewriter.Rewrite(new MemoryStream(image), null, RewrittenFixtures.DoublesOptions);
        var loaded = new System.Runtime.Loader.AssemblyLoadContext("in-memory", isCollectible: true).LoadFromStream(new MemoryStream(rewritten.Assembly));
        object gate = new();
        loaded.GetType("Probes.Probe")!.GetMethod("Run")!.Invoke(null, [gate]);

        Assert.That(rewritten.Report.CountOf("member interception"), Is.EqualTo(2));
        Assert.That(rewritten.Pdb, Is.Null);
        Assert.That(StandInLog.Entries.Select(c => (c.Member, c.Target)), Is.EqualTo(new[] { ("Monitor.Enter", gate), ("Monitor.Exit", gate) }));
    }
}
