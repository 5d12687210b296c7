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

    [TestCase("lock (_o) { }")]
    [TestCase("System.Threading.Monitor.Enter(_o); System.Threading.Monitor.Wait(_o, 10); System.Threading.Monitor.Exit(_o);")]
    [TestCase("var t = new System.Threading.Thread(() => { }); t.Start(); t.Join(); System.Threading.Thread.Sleep(1);")]
    [TestCase("System.Threading.Tasks.Task.Run(() => { }).Wait();")]
    [TestCase("var d = new System.Collections.Concurrent.ConcurrentDictionary<int, int>(); d.TryAdd(1, 1);")]
    [TestCase("int n = 0; System.Threading.Interlocked.Increment(ref n); System.Threading.Volatile.Write(ref n, 2);")]
    [TestCase("using var s = new System.Threading.SemaphoreSlim(1); s.Wait(); s.Release();")]
    public void Compile_OrdinaryConcurrencyTheRewriterControls_IsAllowedAndRewritten(string statement)
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", $"class C {{ readonly object _o = new(); void M() {{ {statement} }} }}");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Errors, Is.Empty);
            Assert.That(compiled.Load().GetCustomAttributes(typeof(Lab.Systematic.Interception.RewrittenAssemblyAttribute), false), Has.Length.EqualTo(1),
                "the grader loads the rewritten image, never the student's original");
        });
    }

    [TestCase("var t = new System.Threading.Timer(_ => { });", "System.Threading.Timer")]
    [TestCase("var l = new System.Threading.ThreadLocal<int>();", "System.Threading.ThreadLocal`1")]
    [TestCase("var m = new System.Threading.Mutex();", "System.Threading.Mutex")]
    public void Compile_ConcurrencyTypeTheRewriterDoesNotControl_IsRefusedWithLab002(string statement, string type)
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", $"class C\n{{\n    void M()\n    {{\n        {statement}\n    }}\n}}\n");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.Some.StartsWith("C.cs(5,").And.Contains($"error LAB002: {type} is real concurrency the explorer does not control"));
        });
    }

    [Test]
    public void Compile_MemberOfAControlledTypeWithoutAStandIn_IsRefusedWithLab005NamingTheMemberAndLine()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs",
            "using System.Threading;\nclass C\n{\n    void M()\n    {\n        Thread.CurrentThread.Interrupt();\n    }\n}\n");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.One.StartsWith("C.cs(6,1): error LAB005:").And.Contains("Interrupt").And.Contains("is not controlled by the explorer"));
        });
    }

    [TestCase("System.Console.WriteLine(1);", "System.Console.WriteLine", "the console")]
    [TestCase("System.Environment.Exit(1);", "System.Environment.Exit", "the process environment")]
    [TestCase("System.GC.Collect();", "System.GC.Collect", "the garbage collector")]
    [TestCase("var f = typeof(C).GetFields();", "System.Type.GetFields", "reflection")]
    [TestCase("var t = this.GetType();", "System.Object.GetType", "reflection")]
    [TestCase("System.Func<int> f = () => 1; f.DynamicInvoke();", "System.Delegate.DynamicInvoke", "runtime internals")]
    [TestCase("System.Runtime.CompilerServices.Unsafe.As<object>(this);", "System.Runtime.CompilerServices.Unsafe", "unsafe memory access")]
    [TestCase("System.Runtime.InteropServices.Marshal.AllocHGlobal(1);", "System.Runtime.InteropServices.Marshal", "interop")]
    [TestCase("System.IO.File.Delete(\"x\");", "System.IO.File.Delete", "files and streams")]
    [TestCase("new System.Net.Http.HttpClient();", "System.Net.Http.HttpClient", "the network")]
    public void Compile_MemberOutsideTheAllowlist_IsRefusedNamingTheMemberAndLine(string statement, string member, string why)
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", $"class C\n{{\n    void M()\n    {{\n        {statement}\n    }}\n}}\n");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.Some.StartsWith("C.cs(5,").And.Contains($"error LAB003: {member}").And.Contains($"({why})"));
        });
    }

    [Test]
    public void Compile_UnsafeAccessor_IsRefused()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs",
            "using System.Runtime.CompilerServices;\nclass C\n{\n    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = \"_x\")]\n    static extern ref int X(object o);\n}\n");

        Assert.That(compiled.Errors, Has.Some.StartsWith("C.cs(4,").And.Contains("System.Runtime.CompilerServices.UnsafeAccessor"));
    }

    [Test]
    public void Compile_UnsafeCode_IsACompilerError()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", "class C { unsafe void M() { int x = 0; int* p = &x; } }");

        Assert.That(compiled.Errors, Has.Some.Contains("error CS0227"));
    }

    [Test]
    public void Compile_OrdinaryCodeOverCollectionsLinqStringsRecordsAndExceptions_IsAllowed()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", """
            using System.Text;
            public record Pair(int A, string B);
            public sealed class C
            {
                private readonly Dictionary<int, List<Pair>> _byKey = new();
                public event EventHandler? Changed;
                public IEnumerable<int> Evens(int n) { for (int i = 0; i < n; i += 2) yield return i; }
                public string M(int[] values)
                {
                    var queue = new Queue<int>(values);
                    var sb = new StringBuilder();
                    foreach (var g in values.Where(v => v > 0).GroupBy(v => v % 3).OrderBy(g => g.Key)) sb.Append($"{g.Key}:{g.Count()} ");
                    (int min, int max) = (values.Min(), Math.Max(values.Max(), queue.Count));
                    Changed?.Invoke(this, EventArgs.Empty);
                    int[] fixedValues = [1, 2, 3];
                    if (min > max) throw new InvalidOperationException($"{min} > {max}");
                    return sb.ToString() + fixedValues[1..].Sum() + new Pair(1, "x") + (min switch { 0 => "zero", _ => "other" }) + nameof(M);
                }
            }
            """);

        Assert.That(compiled.Errors, Is.Empty);
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
