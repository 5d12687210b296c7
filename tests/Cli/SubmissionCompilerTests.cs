using Lab.Cli.Exercises;
using Lab.Cli.Grading;

namespace Lab.Cli.Tests;

public sealed class SubmissionCompilerTests
{
    private const string CounterHeader = "using Lab.Scenarios.Races;\nusing Lab.Systematic.Threading;\n";

    [Test]
    public void Compile_ValidImplementation_ProducesAnAssemblyWithTheClass()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/Counter.cs", CounterHeader +
            "public sealed class MyCounter : ICounter { private int _n; public void Increment() => Interlocked.Increment(ref _n); public int Value => _n; }");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Errors, Is.Empty);
            Assert.That(ImplementationFinder.Find(compiled.Load(), typeof(Lab.Scenarios.Races.ICounter)).Name, Is.EqualTo("MyCounter"));
        });
    }

    [Test]
    public void Compile_TypeError_ReportsFileLineColumnAndCode()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/Counter.cs", "class C\n{\n    int M() => missing;\n}\n");

        Assert.That(compiled.Errors, Has.Some.StartsWith("Counter.cs(3,16): error CS0103"));
    }

    [Test]
    public void Compile_LockStatement_IsRefusedNamingTheControlledReplacement()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", "class C { readonly object _o = new(); void M() { lock (_o) { } } }");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.One.Contains("LAB001").And.Contains("EnterScope()"));
        });
    }

    [TestCase("System.Threading.Monitor.Enter(this);", "System.Threading.Monitor")]
    [TestCase("System.Threading.Thread.Sleep(1);", "System.Threading.Thread")]
    [TestCase("System.Threading.Tasks.Task.Run(() => { });", "System.Threading.Tasks.Task")]
    [TestCase("var d = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();", "System.Collections.Concurrent.ConcurrentDictionary")]
    public void Compile_UncontrolledSynchronisation_IsRefused(string statement, string type)
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", $"class C {{ void M() {{ {statement} }} }}");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.Some.Contains($"LAB002: {type} is real, uncontrolled synchronisation"));
        });
    }

    [Test]
    public void Compile_TimeoutConstant_IsAllowed()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", "class C { int M() => System.Threading.Timeout.Infinite; }");

        Assert.That(compiled.Errors, Is.Empty);
    }

    [Test]
    public void Grade_FileWithoutAnImplementingClass_IsACompileErrorNamingTheContract()
    {
        Exercise exercise = ExerciseCatalog.Find("lost-update");
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/Counter.cs", "public sealed class NotACounter { }");

        ExerciseResult result = SubmissionGrader.Grade(exercise, compiled, [], new GradingSettings());

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.CompileError));
            Assert.That(result.Checks.Select(c => c.Output), Is.All.Contains("no class implements Lab.Scenarios.Races.ICounter"));
        });
    }
}
