using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Lab.Systematic.Rewriting;
using Mono.Cecil;

namespace Lab.Rewriting.Tests;

/// <summary>
/// Every rewritten method still JIT-compiles: the JIT rejects a wrong stack shape (a hook that leaves a value behind,
/// a temporary of the wrong type) with InvalidProgramException, which running a few methods would not reveal.
/// </summary>
public sealed class CompilationTests
{
    [Test]
    public void EveryMethodOfTheRewrittenFixture_Compiles()
    {
        foreach (Rewritten rewritten in new[] { RewrittenFixtures.WithDoubles, RewrittenFixtures.WithEngine })
        {
            (int compiled, IReadOnlyList<string> failures) = CompileAll(rewritten.Assembly);

            Assert.That(failures, Is.Empty);
            Assert.That(compiled, Is.GreaterThan(30));
        }
    }

    [Test]
    public void EveryMethodOfALargeRealAssembly_Compiles_AfterRewriting()
    {
        string cecil = typeof(ModuleDefinition).Assembly.Location;
        string output = Path.Combine(RewrittenFixtures.Folder, "cecil", Path.GetFileName(cecil));

        RewriteReport report = AssemblyRewriter.RewriteFile(cecil, RewrittenFixtures.DoublesOptions.WithOutputPath(output));
        Assembly loaded = new AssemblyLoadContext("rewritten cecil", isCollectible: true).LoadFromAssemblyPath(output);
        (int compiled, IReadOnlyList<string> failures) = CompileAll(loaded);

        Assert.That(report.CountOf("field accesses"), Is.GreaterThan(1_000));
        Assert.That(report.CountOf("collection accesses"), Is.GreaterThan(100));
        Assert.That(failures, Is.Empty);
        Assert.That(compiled, Is.GreaterThan(2_000));
    }

    private static (int Compiled, IReadOnlyList<string> Failures) CompileAll(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        int compiled = 0;
        var failures = new List<string>();
        foreach (Type type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            foreach (MethodBase method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method.IsAbstract || method.ContainsGenericParameters || method.GetMethodBody() is null) continue;
                try
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    compiled++;
                }
                catch (InvalidProgramException exception)
                {
                    failures.Add($"{type.FullName}.{method.Name}: {exception.Message}");
                }
            }
        }
        return (compiled, failures);
    }
}
