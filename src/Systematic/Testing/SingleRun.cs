using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;
using Lab.Systematic.Strategies;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Testing;

/// <summary>One iteration outside an exploration loop: for calibration, replay and minimisation.</summary>
internal static class SingleRun
{
    public static ControlledRuntime Execute(Action body, ExplorationOptions options, ISchedulingStrategy strategy,
        IReadOnlyList<string>? expectedOperations = null)
    {
        using var pool = new OperationThreadPool();
        return Execute(body, options, strategy, pool, expectedOperations);
    }

    /// <summary>Runs on threads from <paramref name="pool"/>, for callers that run many single iterations (minimisation).</summary>
    public static ControlledRuntime Execute(Action body, ExplorationOptions options, ISchedulingStrategy strategy, OperationThreadPool pool,
        IReadOnlyList<string>? expectedOperations = null)
    {
        strategy.PrepareIteration(0);
        var runtime = new ControlledRuntime(options, strategy, pool, expectedOperations);
        runtime.Run(body);
        return runtime;
    }

    /// <summary>The failure a run shows: its bug, or else its first data race.</summary>
    public static BugReport? FailureOf(ControlledRuntime runtime) => runtime.Bug ?? runtime.Races?.FirstRace;

    /// <summary>Turns a finished run into a trace carrying the given settings.</summary>
    public static ScheduleTrace Capture(ControlledRuntime runtime, string testName, string strategy, ExplorationOptions options, int iteration, BugReport? bug) => new()
    {
        TestName = testName, Strategy = strategy, Seed = options.Seed, Iteration = iteration, MaxSteps = options.MaxSteps,
        LivenessBound = options.LivenessBound, DetectDataRaces = options.DetectDataRaces, Bug = bug,
        Operations = runtime.Operations.Select(o => o.Name).ToList(), Decisions = runtime.Decisions.ToList(),
        Steps = runtime.Steps.ToList(), Preemptions = runtime.Preemptions,
    };

    /// <summary>The options a trace was recorded under, on top of <paramref name="options"/>.</summary>
    public static ExplorationOptions SettingsOf(ScheduleTrace trace, ExplorationOptions options) => options with
    {
        MaxSteps = trace.MaxSteps, LivenessBound = trace.LivenessBound, DetectDataRaces = trace.DetectDataRaces,
    };
}
