using Lab.Cli.Exercises.Contracts;
using Lab.Scenarios;
using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;

namespace Lab.Cli.Exercises.Async;

/// <summary>
/// The async-once exercise's scenario: two callers overlap on a fresh <see cref="IAsyncOnce"/>; the loader must run once and
/// both must get its value. It lives with the exercises, not in Lab.Scenarios: its implementations are async C#, which
/// runs controlled only once rewritten, so they are compiled and rewritten from References/ like a submission.
/// </summary>
public sealed class AsyncOnceScenario : IScenario
{
    /// <summary>The one instance, shared by the catalogue.</summary>
    public static AsyncOnceScenario Instance { get; } = new();

    private readonly Lazy<Type> _buggy = new(() => ReferenceImplementation("AsyncOnceBuggy.cs"));
    private readonly Lazy<Type> _fixed = new(() => ReferenceImplementation("AsyncOnceFixed.cs"));

    private AsyncOnceScenario()
    {
    }

    /// <inheritdoc />
    public string Id => "races/async-once";

    /// <inheritdoc />
    public string Title => "A check across an await: an async once that loads twice";

    /// <inheritdoc />
    public HazardFamily Family => HazardFamily.Races;

    /// <inheritdoc />
    public string BugExplanation =>
        "GetAsync checks for a value, awaits the load, then stores it. The await lets a second caller run between the\n" +
        "check and the store: it sees no value yet and starts a second load.";

    /// <inheritdoc />
    public string FixExplanation =>
        "Store the load's task, not its value, before the first await (under a lock), so overlapping callers await the\n" +
        "same load; forget the task when it failed, so the next call loads again.";

    /// <inheritdoc />
    public BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public bool IsSystematic => true;

    /// <inheritdoc />
    public ExplorationOptions Budget { get; } =
        ExplorationOptions.Default.WithIterations(200).WithMaxSteps(1_000).WithLivenessBound(500).WithContinueAfterDataRace(true);

    /// <summary>Two callers, each await a scheduling point: DFS exhausts the fixed variant within 2 preemptions (the unbounded space passes 20,000 schedules).</summary>
    public int? FixedDfsPreemptionBound => 2;

    /// <inheritdoc />
    public Type Contract => typeof(IAsyncOnce);

    /// <inheritdoc />
    public Type ImplementationOf(Variant variant) => variant switch
    {
        Variant.Buggy => _buggy.Value,
        Variant.Fixed => _fixed.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    /// <inheritdoc />
    public Func<object> Factory(Variant variant) => ImplementationFinder.FactoryFor(ImplementationOf(variant));

    /// <inheritdoc />
    public Action Harness(Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return () =>
        {
            object created = factory() ?? throw new InvalidOperationException($"the factory for {Id} returned null");
            Run(created as IAsyncOnce ?? throw new InvalidCastException($"{created.GetType().FullName} does not implement {typeof(IAsyncOnce).FullName}, the contract of {Id}"));
        };
    }

    /// <summary>Two callers on their own threads call GetAsync at once; the loader returns "answer-N" on its N-th run.</summary>
    private static void Run(IAsyncOnce once)
    {
        int loads = 0;
        Func<Task<string>> load = () =>
        {
            int n = ++loads;
            return AsyncCalls.Run(() => $"answer-{n}");
        };
        string[] got = new string[2];
        var callers = Enumerable.Range(0, 2).Select(i => new ControlledThread(() => got[i] = AsyncCalls.Outcome(AsyncCalls.Settle(once.GetAsync(load))), $"caller{i + 1}")).ToList();
        callers.ForEach(c => c.Start());
        callers.ForEach(c => c.Join());
        Specification.Assert(loads == 1, $"the loader ran {loads} times for two overlapping calls (they got {got[0]} and {got[1]}); it must run once");
        Specification.Assert(got[0] == "answer-1" && got[1] == "answer-1", $"the callers got {got[0]} and {got[1]}, expected answer-1 both");
    }

    /// <summary>The reference implementation in References/<paramref name="file"/>, compiled and rewritten as a submission is.</summary>
    private static Type ReferenceImplementation(string file)
    {
        using Stream stream = typeof(AsyncOnceScenario).Assembly.GetManifestResourceStream($"Lab.Cli.Exercises.References.{file}")
            ?? throw new InvalidOperationException($"the reference source {file} is not embedded in the lab");
        using var reader = new StreamReader(stream);
        CompiledSubmission compiled = SubmissionCompiler.Compile($"references/{file}", reader.ReadToEnd());
        if (!compiled.Succeeded) throw new InvalidOperationException($"the reference {file} does not compile: {string.Join("; ", compiled.Errors)}");
        return ImplementationFinder.Find(compiled.Load(), typeof(IAsyncOnce));
    }
}
