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
    /// <summary>Set to a trace path, makes <see cref="Explore(string, Action, ExplorationOptions?, IProgress{ExplorationProgress}?)"/> replay it for the test it was recorded for.</summary>
    public const string ReplayVariable = "LAB_REPLAY";

    /// <summary>
    /// Explores <paramref name="body"/> (the test's "main" thread) under the strategy the options name, until a bug,
    /// the iteration budget, the time limit, or (DFS) the end of the space.
    /// </summary>
    public static TestReport Explore(string testName, Action body, ExplorationOptions? options = null, IProgress<ExplorationProgress>? progress = null)
    {
        options ??= ExplorationOptions.Default;
        options.Validate();
        if (Environment.GetEnvironmentVariable(ReplayVariable) is { Length: > 0 } path)
        {
            ScheduleTrace trace = TraceFile.Load(path);
            if (trace.TestName == testName) return Replay(testName, trace, body, options) with { TracePath = Path.GetFullPath(path) };
        }
        return Explore(testName, body, options, options.CreateStrategy(), progress);
    }

    /// <summary>Explores with a strategy built by the caller (a custom one, or one whose state the caller inspects).</summary>
    public static TestReport Explore(string testName, Action body, ExplorationOptions options, ISchedulingStrategy strategy, IProgress<ExplorationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var schedules = new HashSet<ulong>();
        long totalSteps = 0;
        int atBound = 0, iterations = 0;
        bool exhausted = false;
        (BugReport Bug, ScheduleTrace Trace, int Iteration)? race = null;
        var lastProgress = TimeSpan.Zero;
        using var pool = new OperationThreadPool();
        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            if (!strategy.PrepareIteration(iteration))
            {
                exhausted = true;
                break;
            }
            string strategyName = strategy is PortfolioStrategy portfolio ? portfolio.Current.Description : strategy.Description;
            var runtime = new ControlledRuntime(options, strategy, pool);
            runtime.Run(body);
            strategy.CompleteIteration(runtime.StepCount);
            iterations++;
            totalSteps += runtime.StepCount;
            schedules.Add(Fingerprint(runtime.Decisions));
            if (runtime.HitStepBound && runtime.Bug is null) atBound++;
            TestReport Report(BugReport? bug, ScheduleTrace? trace, int? at) => new()
            {
                TestName = testName, Strategy = strategy.Description, Seed = options.Seed, Iterations = iterations,
                DistinctSchedules = schedules.Count, TotalSteps = totalSteps, Elapsed = clock.Elapsed, IterationsAtStepBound = atBound,
                SpaceExhausted = exhausted, Bug = bug, BugIteration = at, Trace = trace, FirstRace = race?.Bug,
                TracePath = trace is null ? null : TraceFile.Save(trace, TracePathFor(options, trace)),
            };
            if (runtime.Bug is { } bug)
            {
                race ??= runtime.Races?.FirstRace is { } r ? (r, Capture(runtime, testName, strategyName, options, iteration, r), iteration) : null;
                return Report(bug, Capture(runtime, testName, strategyName, options, iteration, bug), iteration);
            }
            if (race is null && runtime.Races?.FirstRace is { } found) race = (found, Capture(runtime, testName, strategyName, options, iteration, found), iteration);
            if (progress is not null && clock.Elapsed - lastProgress > TimeSpan.FromMilliseconds(200))
            {
                lastProgress = clock.Elapsed;
                progress.Report(new ExplorationProgress(iterations, options.Iterations, schedules.Count, clock.Elapsed));
            }
            if (options.TimeLimit is { } limit && clock.Elapsed > limit) break;
            if (iteration == options.Iterations - 1 && !strategy.PrepareIteration(iteration + 1)) exhausted = true;
        }
        progress?.Report(new ExplorationProgress(iterations, options.Iterations, schedules.Count, clock.Elapsed));
        var result = new TestReport
        {
            TestName = testName, Strategy = strategy.Description, Seed = options.Seed, Iterations = iterations,
            DistinctSchedules = schedules.Count, TotalSteps = totalSteps, Elapsed = clock.Elapsed, IterationsAtStepBound = atBound,
            SpaceExhausted = exhausted, FirstRace = race?.Bug,
        };
        return race is { } data
            ? result with { Bug = data.Bug, BugIteration = data.Iteration, Trace = data.Trace, TracePath = TraceFile.Save(data.Trace, TracePathFor(options, data.Trace)) }
            : result;
    }

    /// <summary>Replays a trace file for the test it names; a trace recorded for another test is refused.</summary>
    public static TestReport Replay(string testName, string tracePath, Action body, ExplorationOptions? options = null) =>
        Replay(testName, TraceFile.Load(tracePath), body, options) with { TracePath = Path.GetFullPath(tracePath) };

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
        var settings = (options ?? ExplorationOptions.Default) with
        {
            MaxSteps = trace.MaxSteps, LivenessBound = trace.LivenessBound, DetectDataRaces = trace.DetectDataRaces,
        };
        var clock = Stopwatch.StartNew();
        var strategy = new ReplayStrategy(trace.Decisions, trace.Strategy);
        strategy.PrepareIteration(0);
        using var pool = new OperationThreadPool();
        var runtime = new ControlledRuntime(settings, strategy, pool, trace.Operations);
        runtime.Run(body);
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
            Trace = replayed, FirstRace = runtime.Races?.FirstRace,
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

    private static ScheduleTrace Capture(ControlledRuntime runtime, string testName, string strategy, ExplorationOptions options, int iteration, BugReport bug) => new()
    {
        TestName = testName, Strategy = strategy, Seed = options.Seed, Iteration = iteration, MaxSteps = options.MaxSteps,
        LivenessBound = options.LivenessBound, DetectDataRaces = options.DetectDataRaces, Bug = bug,
        Operations = runtime.Operations.Select(o => o.Name).ToList(), Decisions = runtime.Decisions.ToList(),
        Steps = runtime.Steps.ToList(), Preemptions = runtime.Preemptions,
    };

    private static string TracePathFor(ExplorationOptions options, ScheduleTrace trace)
    {
        string directory = options.TraceDirectory ?? Path.Combine(Path.GetTempPath(), "lab-traces");
        string name = new(trace.TestName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return Path.Combine(directory, $"{name}-seed{trace.Seed}-it{trace.Iteration}.json");
    }

    /// <summary>FNV-1a over the decisions: two iterations with the same fingerprint ran the same schedule.</summary>
    private static ulong Fingerprint(List<Decision> decisions)
    {
        ulong hash = 14695981039346656037UL;
        foreach (Decision decision in decisions)
        {
            hash = (hash ^ (ulong)decision.Kind) * 1099511628211UL;
            hash = (hash ^ (uint)decision.Value) * 1099511628211UL;
        }
        return hash;
    }
}
