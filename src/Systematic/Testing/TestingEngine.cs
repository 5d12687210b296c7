using System.Diagnostics;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;
using Lab.Systematic.Strategies;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Testing;

/// <summary>
/// The entry point: explores a test body's interleavings, or replays one recorded schedule. Holds no static state,
/// so explorations may run in parallel in one process.
/// </summary>
public static class TestingEngine
{
    /// <summary>
    /// Set to a trace path, makes <see cref="Explore(string, Action, ExplorationOptions?, IProgress{ExplorationProgress}?)"/>
    /// replay it for the test it was recorded for; every other exploration ignores it.
    /// </summary>
    public const string ReplayVariable = "LAB_REPLAY";

    /// <summary>
    /// Explores <paramref name="body"/> (the test's "main" thread) under the strategy the options name, until a bug,
    /// the iteration budget, the time limit, or (DFS) the end of the space.
    /// </summary>
    public static TestReport Explore(string testName, Action body, ExplorationOptions? options = null, IProgress<ExplorationProgress>? progress = null)
    {
        options ??= ExplorationOptions.Default;
        options.Validate();
        ArgumentNullException.ThrowIfNull(body);
        options = WithCallersReplayHint(options);
        if (ReplayRequest.For(testName, Console.Error) is { } trace)
        {
            string path = Environment.GetEnvironmentVariable(ReplayVariable)!;
            return Replay(testName, trace, body, options) with { TracePath = Path.GetFullPath(path) };
        }
        return new Exploration(testName, body, options, progress).Run(options.CreateStrategy, options.Parallelism);
    }

    /// <summary>
    /// Explores an async test body (rewritten code): "main" runs it up to its first suspension, then waits for its task;
    /// every continuation is a controlled operation. An exception the body ends with is reported like a thrown one.
    /// </summary>
    public static TestReport Explore(string testName, Func<Task> body, ExplorationOptions? options = null, IProgress<ExplorationProgress>? progress = null) =>
        Explore(testName, Async.AsyncTestBody.Of(body), options, progress);

    /// <summary>Replays a trace file recorded for an async test body.</summary>
    public static TestReport Replay(string testName, string tracePath, Func<Task> body, ExplorationOptions? options = null) =>
        Replay(testName, tracePath, Async.AsyncTestBody.Of(body), options);

    /// <summary>The options with the replay command of the calling test, unless the caller chose one.</summary>
    private static ExplorationOptions WithCallersReplayHint(ExplorationOptions options) =>
        options.ReplayHint is null ? options.WithReplayHint(CallingTest.ReplayHint()) : options;

    /// <summary>Explores with a strategy built by the caller (a custom one, or one whose state the caller inspects); runs on one worker.</summary>
    public static TestReport Explore(string testName, Action body, ExplorationOptions options, ISchedulingStrategy strategy, IProgress<ExplorationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        options.Validate();
        return new Exploration(testName, body, WithCallersReplayHint(options), progress).Run(() => strategy, workers: 1);
    }

    /// <summary>
    /// Runs one iteration under <paramref name="strategy"/> and returns its whole schedule, failing or not: for tools
    /// that inspect what a schedule did (grading's overlap check) rather than hunt for bugs.
    /// </summary>
    public static ScheduleTrace RecordSchedule(string testName, Action body, ExplorationOptions options, ISchedulingStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(body);
        options.Validate();
        ControlledRuntime runtime = SingleRun.Execute(body, options, strategy);
        return SingleRun.Capture(runtime, testName, strategy.Description, options, iteration: 0, SingleRun.FailureOf(runtime));
    }

    /// <summary>Replays a trace file for the test it names; a trace recorded for another test is refused.</summary>
    public static TestReport Replay(string testName, string tracePath, Action body, ExplorationOptions? options = null) =>
        Replay(testName, TraceFile.Load(tracePath), body, WithCallersReplayHint(options ?? ExplorationOptions.Default)) with { TracePath = Path.GetFullPath(tracePath) };

    /// <summary>
    /// Re-runs one recorded schedule exactly. The report's trace is rebuilt from the re-run, so a faithful replay
    /// serialises to the same bytes as the original; a program that no longer follows the trace is reported as a
    /// <see cref="BugKind.ReplayDivergence"/> naming the first step that differs.
    /// </summary>
    public static TestReport Replay(string testName, ScheduleTrace trace, Action body, ExplorationOptions? options = null)
    {
        if (trace.TestName != testName)
        {
            throw new TraceFormatException(trace.TestName, $"the trace was recorded for test '{trace.TestName}', not for '{testName}'");
        }
        ExplorationOptions settings = SingleRun.SettingsOf(trace, options ?? ExplorationOptions.Default);
        var clock = Stopwatch.StartNew();
        var strategy = new ReplayStrategy(trace.Decisions, trace.Strategy);
        ControlledRuntime runtime = SingleRun.Execute(body, settings, strategy, trace.Operations);
        BugReport? bug = runtime.Bug ?? runtime.Races?.FirstRace;
        if (bug?.Kind != BugKind.ReplayDivergence && !SameFailure(bug, trace.Bug))
        {
            bug = Diverged(trace, runtime, bug, strategy);
        }
        ScheduleTrace replayed = trace with
        {
            Bug = bug, Operations = runtime.Operations.Select(o => o.Name).ToList(), Decisions = runtime.Decisions.ToList(),
            Steps = runtime.Steps.ToList(), Preemptions = runtime.Preemptions,
        };
        return new TestReport
        {
            TestName = testName, Strategy = strategy.Description, Seed = trace.Seed, Iterations = 1, DistinctSchedules = 1,
            TotalSteps = runtime.StepCount, Elapsed = clock.Elapsed, IsReplay = true, Bug = bug, BugIteration = bug is null ? null : 0,
            Trace = replayed, FirstRace = runtime.Races?.FirstRace, FirstRaceIteration = runtime.Races?.FirstRace is null ? null : 0,
            ContinuedAfterDataRace = settings.ContinueAfterDataRace, ReplayHint = settings.ReplayHint ?? CallingTest.ReplayHint(),
        };
    }

    private static bool SameFailure(BugReport? actual, BugReport? recorded) =>
        actual?.Kind == recorded?.Kind && actual?.Message == recorded?.Message;

    /// <summary>The replay ended differently from the recording: find the first step where program and trace part.</summary>
    private static BugReport? Diverged(ScheduleTrace trace, ControlledRuntime runtime, BugReport? actual, ReplayStrategy strategy)
    {
        for (int i = 0; i < Math.Min(trace.Steps.Count, runtime.Steps.Count); i++)
        {
            StepRecord expected = trace.Steps[i], seen = runtime.Steps[i];
            if (expected.Operation == seen.Operation && expected.Describe() == seen.Describe() && expected.Location == seen.Location) continue;
            return new BugReport(BugKind.ReplayDivergence,
                $"replay diverged at step {i + 1}: the trace has {trace.Operations[expected.Operation]} {expected.Describe()} at {expected.Location}, " +
                $"the program did {runtime.Operations[seen.Operation].Name} {seen.Describe()} at {seen.Location}. The code changed since the trace was " +
                "recorded; explore again to record a new trace");
        }
        if (trace.Bug is null && actual is not null) return actual;
        string ending = actual is null ? "without a failure" : $"with {actual}";
        return new BugReport(BugKind.ReplayDivergence,
            $"replay diverged: the schedule ran to step {runtime.Steps.Count} of {trace.Steps.Count} (decision {strategy.Position} of " +
            $"{trace.Decisions.Count}) and ended {ending}, but the trace recorded {trace.Bug?.ToString() ?? "no failure"}. " +
            "The code changed or depends on something uncontrolled; explore again to record a new trace");
    }
}
