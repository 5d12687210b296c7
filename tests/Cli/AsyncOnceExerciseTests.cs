using Lab.Cli.Exercises;
using Lab.Cli.Exercises.Contracts;
using Lab.Cli.Tests.Support;
using Lab.Scenarios;
using Lab.Systematic.Detection;
using Lab.Systematic.Testing;

namespace Lab.Cli.Tests;

/// <summary>
/// The async-once exercise in this process: its starter loses to a second load through the await it suspends at, its
/// own scenario's two variants come from async C# compiled and rewritten like a submission, and the async machinery a
/// submission may name is the one the engine's stand-ins control.
/// </summary>
public sealed class AsyncOnceExerciseTests
{
    private static readonly Exercise AsyncOnce = ExerciseCatalog.Find("async-once");

    private static string Traces => Path.Combine(Path.GetTempPath(), "lab-cli-tests", "async-once", TestContext.CurrentContext.Test.Name);

    [Test]
    public void Starter_LoadsTwice_BecauseASecondCallerChecksWhileTheFirstIsSuspendedAtItsAwait_AndTheTraceReplays()
    {
        string starter = Path.Combine(TestFiles.Exercises, AsyncOnce.FileName);
        int awaitLine = File.ReadAllLines(starter).ToList().FindIndex(l => l.Contains("_value = await load();", StringComparison.Ordinal)) + 1;
        CompiledSubmission compiled = SubmissionCompiler.CompileFile(starter);
        Action body = AsyncOnce.Scenario.Harness(ImplementationFinder.FactoryFor(ImplementationFinder.Find(compiled.Load(), typeof(IAsyncOnce))));

        TestReport report = TestingEngine.Explore("async-once starter", body, AsyncOnce.Scenario.Budget.WithSeed(7).WithTraceDirectory(Traces));

        Assert.Multiple(() =>
        {
            Assert.That(awaitLine, Is.GreaterThan(0), "the starter awaits the load with '_value = await load();'");
            Assert.That(report.Bug?.Kind, Is.EqualTo(AsyncOnce.Scenario.ExpectedBug), report.Bug?.ToString());
            Assert.That(report.Bug?.Message, Does.Contain("the loader ran 2 times for two overlapping calls"));
            Assert.That(report.Bug?.Location, Does.StartWith("AsyncOnceScenario.cs:"));
            Assert.That(report.Trace!.Steps.Select(s => $"{s.Describe()} at {s.Location}"),
                Has.Some.Match($@"^await\(.*\) suspends at AsyncOnce\.cs:{awaitLine}$"), "the first caller suspends at the starter's await");
            Assert.That(TestingEngine.Replay("async-once starter", report.TracePath!, body).Bug, Is.EqualTo(report.Bug));
        });
    }

    [Test]
    public void Scenario_Variants_AreTheReferenceSourcesCompiledAndRewritten_AndOnlyTheBuggyOneLoadsTwice()
    {
        IScenario scenario = AsyncOnce.Scenario;
        ExplorationOptions options = ExplorationOptions.Default.WithSeed(7).WithIterations(200).WithTraceDirectory(Traces).WithContinueAfterDataRace(true);

        TestReport buggy = TestingEngine.Explore("async-once buggy", scenario.Harness(scenario.Factory(Variant.Buggy)), options);
        TestReport fixedOne = TestingEngine.Explore("async-once fixed", scenario.Harness(scenario.Factory(Variant.Fixed)), options.WithStrategy(StrategyKind.Dfs).WithPreemptionBound(2).WithIterations(20_000));

        Assert.Multiple(() =>
        {
            Assert.That(scenario.ImplementationOf(Variant.Fixed).Assembly.GetCustomAttributes(typeof(Lab.Systematic.Interception.RewrittenAssemblyAttribute), false),
                Has.Length.EqualTo(1), "the reference fix runs rewritten, as a submission does");
            Assert.That(ExerciseCatalog.ScenarioFor(scenario.Id), Is.SameAs(scenario));
            Assert.That(buggy.Bug?.Message, Does.Contain("the loader ran 2 times"));
            Assert.That(fixedOne.Bug, Is.Null, fixedOne.Bug?.ToString());
            Assert.That(fixedOne.SpaceExhausted, Is.True, "DFS covers every interleaving with at most 2 preemptions: " + fixedOne.Summary);
        });
    }

    [TestCase("System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1")]
    [TestCase("System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder")]
    [TestCase("System.Runtime.CompilerServices.AsyncVoidMethodBuilder")]
    [TestCase("System.Runtime.CompilerServices.TaskAwaiter`1")]
    [TestCase("System.Runtime.CompilerServices.YieldAwaitable+YieldAwaiter")]
    [TestCase("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter")]
    [TestCase("System.Runtime.CompilerServices.ValueTaskAwaiter`1")]
    [TestCase("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter")]
    [TestCase("System.Runtime.CompilerServices.IAsyncStateMachine")]
    [TestCase("System.Runtime.CompilerServices.AsyncIteratorMethodBuilder")]
    public void ControlledFrameworkTypes_IncludeTheAsyncMachineryTheStandInsControl(string type)
    {
        Assert.That(ControlledFrameworkTypes.Contains(type), Is.True);
    }

    [TestCase("System.Runtime.CompilerServices.INotifyCompletion")]
    [TestCase("System.Runtime.CompilerServices.Unsafe")]
    [TestCase("System.Runtime.CompilerServices.RuntimeHelpers")]
    public void ControlledFrameworkTypes_LeaveOutWhatNoStandInControls(string type)
    {
        Assert.That(ControlledFrameworkTypes.Contains(type), Is.False);
    }
}
