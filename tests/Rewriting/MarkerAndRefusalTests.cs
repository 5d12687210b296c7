using System.Reflection;
using Lab.Rewriting.Fixtures;
using Lab.Rewriting.Tests.Support;
using Lab.Systematic.Interception;
using Lab.Systematic.Rewriting;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Rewriting.Tests;

/// <summary>The marker makes a second rewrite a no-op; framework, test and engine assemblies are never touched.</summary>
public sealed class MarkerAndRefusalTests
{
    [Test]
    public void ARewrittenAssembly_CarriesTheMarkerWithTheRewritersVersion()
    {
        var marker = RewrittenFixtures.WithDoubles.Assembly.GetCustomAttribute<RewrittenAssemblyAttribute>();

        Assert.That(marker?.RewriterVersion, Is.EqualTo(AssemblyRewriter.Version));
        Assert.That(typeof(Counter).Assembly.GetCustomAttribute<RewrittenAssemblyAttribute>(), Is.Null);
    }

    [Test]
    public void RewritingTwice_IsANoOp_AndSaysAlreadyRewritten()
    {
        string copy = Path.Combine(RewrittenFixtures.Folder, "twice", "Lab.Rewriting.Fixtures.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(RewrittenFixtures.WithDoubles.Path, copy);
        File.Copy(Path.ChangeExtension(RewrittenFixtures.WithDoubles.Path, ".pdb"), Path.ChangeExtension(copy, ".pdb"));
        byte[] before = File.ReadAllBytes(copy);

        RewriteReport report = AssemblyRewriter.RewriteFile(copy, RewrittenFixtures.DoublesOptions);

        Assert.That(report.AlreadyRewritten, Is.True);
        Assert.That(report.Summary, Is.EqualTo("Lab.Rewriting.Fixtures: already rewritten"));
        Assert.That(File.ReadAllBytes(copy), Is.EqualTo(before));
    }

    [Test]
    public void TheFirstRewrite_ReportsWhatEachPassRewrote()
    {
        RewriteReport report = RewrittenFixtures.WithDoubles.Report;

        Assert.That(report.AlreadyRewritten, Is.False);
        Assert.That(report.Passes.Select(p => p.Pass), Is.EqualTo(new[] { "member interception", "field accesses", "array accesses", "collection accesses", "catch handlers" }));
        Assert.That(report.Passes.Select(p => p.Sites), Has.All.GreaterThan(0));
        Assert.That(report.Summary, Does.StartWith("Lab.Rewriting.Fixtures: rewritten (member interception "));
    }

    [Test]
    public void AnAssemblyRewrittenByAnotherVersion_IsRefused_SayingHowToRebuild()
    {
        byte[] image = IlAssembly.Build("Stale", typeof(void), [], (_, il) => il.Emit(OpCodes.Ret), assembly =>
        {
            MethodReference constructor = assembly.MainModule.ImportReference(typeof(RewrittenAssemblyAttribute).GetConstructor([typeof(string)]));
            var marker = new CustomAttribute(constructor);
            marker.ConstructorArguments.Add(new CustomAttributeArgument(assembly.MainModule.TypeSystem.String, "0"));
            assembly.CustomAttributes.Add(marker);
        });

        var error = Assert.Throws<RewritingException>(() => AssemblyRewriter.Rewrite(new MemoryStream(image), null));

        Assert.That(error!.Message, Is.EqualTo(
            "Stale: was rewritten by rewriter version 0, this is version 1; rebuild it from source (dotnet build --no-incremental) and rewrite the fresh build."));
    }

    [TestCase(typeof(System.Collections.Generic.Stack<int>))]
    [TestCase(typeof(object))]
    [TestCase(typeof(InterceptsTypeAttribute))]
    [TestCase(typeof(TestAttribute))]
    public void FrameworkTestAndEngineAssemblies_AreRefused_NamingTheList(Type typeInAssembly)
    {
        string path = typeInAssembly.Assembly.Location;
        string target = Path.Combine(RewrittenFixtures.Folder, "refused", Path.GetFileName(path));

        var error = Assert.Throws<RewritingException>(() => AssemblyRewriter.RewriteFile(path, RewriterOptions.Default.WithOutputPath(target)));

        Assert.That(error!.Message, Does.StartWith($"{typeInAssembly.Assembly.GetName().Name}: refused, the rewriter never touches"));
        Assert.That(error.Message, Does.Contain("(System.*, Microsoft.*, netstandard, mscorlib, nunit*, Lab.Systematic*)"));
        Assert.That(File.Exists(target), Is.False);
    }

    [Test]
    public void AFileThatIsNotAnAssembly_IsAnErrorNotACrash()
    {
        string path = Path.Combine(RewrittenFixtures.Folder, "not-an-assembly.dll");
        File.WriteAllText(path, "hello");

        var error = Assert.Throws<RewritingException>(() => AssemblyRewriter.RewriteFile(path));

        Assert.That(error!.Message, Does.StartWith("not a readable .NET assembly"));
    }
}
