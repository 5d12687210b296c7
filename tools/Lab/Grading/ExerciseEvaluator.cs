using System.Diagnostics;
using System.Text;
using Lab.Cli.Exercises;
using Lab.Scenarios;
using Lab.Systematic.Detection;
using Lab.Systematic.Strategies;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>
/// Grades one implementation of an exercise in this process: explores it with the scenario's harness and the
/// exercise's oracles (portfolio, then DPOR within the scenario's preemption bound), follows the regression corpus as guided prefixes, and probes the
/// demanded concurrency. The worker process and the exercise
/// tests both call this, so students see in their tests exactly what grading sees.
/// </summary>
public static class ExerciseEvaluator
{
    /// <summary>Rows kept at each end of an interleaving in a report.</summary>
    public const int EdgeRows = 30;

    /// <summary>Runs every check of <paramref name="exercise"/> on <paramref name="subject"/>.</summary>
    public static ExerciseResult Evaluate(Exercise exercise, ExerciseSubject subject, IReadOnlyList<ScheduleTrace> corpus, GradingSettings settings)
    {
        var clock = Stopwatch.StartNew();
        IScenario scenario = exercise.Scenario;
        var evaluation = Evaluation.Of(exercise, subject, scenario.Budget.WithSeed(settings.Seed)
            .WithIterations(Math.Max(settings.Budget, scenario.Budget.Iterations))
            .WithTraceDirectory(Path.Combine(settings.TraceDirectory, exercise.Id)));
        var checks = new List<CheckResult>();

        (CheckResult exploration, BugReport? bug) = Guarded(CheckNames.Exploration, Scoring.ExplorationPoints(exercise), points => Explore(evaluation, settings, points));
        checks.Add(exploration);
        CheckResult regression = bug?.Kind == BugKind.Hang
            ? NotRun(CheckNames.Regression, Scoring.RegressionPoints, "Not run: the submission hangs (see the first check).")
            : Guarded(CheckNames.Regression, Scoring.RegressionPoints, points => Regress(evaluation, corpus, settings, points)).Check;
        checks.Add(regression);
        if (exercise.Demand is { } demand)
        {
            checks.Add(exploration.Passed && regression.Passed
                ? Guarded(CheckNames.Concurrency, Scoring.ConcurrencyPoints, points => Probe(evaluation, demand, settings, points)).Check
                : NotRun(CheckNames.Concurrency, Scoring.ConcurrencyPoints, "Not scored: concurrency only counts for a fix without bugs; fix the bug first."));
        }
        Verdict verdict = bug?.Kind == BugKind.Hang ? Verdict.TimedOut : VerdictOf(checks);
        return new ExerciseResult { ExerciseId = exercise.Id, Verdict = verdict, Checks = checks, Seconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>The verdict the checks add up to: any bug first, then missing concurrency, else correct (a hang is <see cref="Verdict.TimedOut"/>, decided by the caller).</summary>
    public static Verdict VerdictOf(IReadOnlyList<CheckResult> checks) =>
        checks.Any(c => c.Name is CheckNames.Exploration or CheckNames.Regression && !c.Passed) ? Verdict.Buggy
        : checks.Any(c => c.Name == CheckNames.Concurrency && !c.Passed) ? Verdict.OverSerialised
        : Verdict.Correct;

    /// <summary>The bug, its readable interleaving, and the trace with the command that replays it against this implementation.</summary>
    public static string Describe(TestReport report, ExerciseSubject subject, string prefix = "")
    {
        var text = new StringBuilder();
        BugReport bug = report.Bug ?? throw new ArgumentException("the report has no bug", nameof(report));
        text.AppendLine($"{prefix}{bug.Kind} in iteration {report.BugIteration} ({report.Strategy}, seed {report.Seed}): {bug.Message}");
        if (bug.Location is not null) text.AppendLine($"  at {bug.Location}" + (bug.Operation is null ? "" : $" in {bug.Operation}"));
        if (bug.StackTrace is not null) text.AppendLine(bug.StackTrace);
        if (report.Trace is { Steps.Count: > 0 } trace) text.AppendLine().Append(TraceRenderer.Render(trace with { Bug = null }, EdgeRows));
        if (report.TracePath is { } path) text.AppendLine().AppendLine($"trace: {path}").AppendLine($"replay: {subject.ReplayCommand(path)}");
        return text.ToString();
    }

    /// <summary>
    /// Explores the scenario's harness, then each of the exercise's oracles, each with the portfolio and then DPOR
    /// within its preemption bound; the first bug fails the check.
    /// </summary>
    private static (CheckResult, BugReport?) Explore(Evaluation evaluation, GradingSettings settings, double points)
    {
        var passed = new List<string>();
        foreach (Target target in evaluation.Targets)
        {
            string prefix = target.Oracle is { } oracle ? $"Oracle {oracle.Name} ({oracle.Property}): " : "";
            ExplorationOptions portfolio = evaluation.Options("explore").WithStrategy(StrategyKind.Portfolio);
            TestReport found = evaluation.Explore(target, portfolio, portfolio.CreateStrategy());
            if (found.Bug is { } bug) return (Failed(CheckNames.Exploration, points, found, evaluation.Subject, prefix), bug);
            ExplorationOptions dporOptions = portfolio.WithStrategy(StrategyKind.Dpor)
                .WithPreemptionBound(target.DfsPreemptionBound).WithIterations(settings.DporScheduleCap).WithParallelism(1);
            TestReport dpor = evaluation.Explore(target, dporOptions, dporOptions.CreateStrategy());
            if (dpor.Bug is { } dporBug) return (Failed(CheckNames.Exploration, points, dpor, evaluation.Subject, prefix), dporBug);
            string what = $"{found.Iterations} portfolio iterations ({found.DistinctSchedules} distinct schedules, seed {found.Seed}); DPOR {Verification(dpor)}";
            passed.Add(target.Oracle is null ? $"No bug in {what}." : $"{prefix}no bug in {what}.");
        }
        return (new CheckResult(CheckNames.Exploration, true, points, points, string.Join(Environment.NewLine, passed)), null);
    }

    /// <summary>What the DPOR pass proved: "verified over all N interleavings (M Mazurkiewicz traces) within bound B", or how far it got.</summary>
    public static string Verification(TestReport dpor)
    {
        string bound = dpor.Bound ?? "none stated";
        string traces = dpor.MazurkiewiczTraces is { } m ? $" ({m} Mazurkiewicz traces)" : "";
        return dpor.SpaceExhausted
            ? $"verified over all {dpor.Iterations} interleavings{traces} within bound {bound}"
            : $"did not exhaust the space: {dpor.Iterations} interleavings{traces} within bound {bound} found no bug before the cap";
    }

    private static (CheckResult, BugReport?) Regress(Evaluation evaluation, IReadOnlyList<ScheduleTrace> corpus, GradingSettings settings, double points)
    {
        ExplorationOptions options = evaluation.Options("corpus").WithIterations(settings.CorpusRounds);
        for (int i = 0; i < corpus.Count; i++)
        {
            ulong seed = DeterministicRandom.Derive(options.Seed, (ulong)i);
            ISchedulingStrategy fallback = IsFairTrace(corpus[i]) ? new FairStrategy(seed) : new RandomStrategy(seed);
            TestReport report = evaluation.Explore(evaluation.Targets[0], options, new GuidedStrategy(corpus[i].Decisions, fallback));
            if (report.Bug is { } bug)
            {
                return (Failed(CheckNames.Regression, points, report, evaluation.Subject, $"Regression schedule {i + 1} of {corpus.Count}: "), bug);
            }
        }
        return (new CheckResult(CheckNames.Regression, true, points, points,
            $"{Schedules(corpus.Count)} that broke the starter ran without a bug, each followed as far as it applies " +
            $"and continued {settings.CorpusRounds} ways."), null);
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Schedules(int count) => count == 1 ? "The one schedule" : $"All {count} schedules";

    /// <summary>A liveness bug only counts on a fair schedule, so a trace recorded by the fair strategy is continued fairly.</summary>
    private static bool IsFairTrace(ScheduleTrace trace) => trace.Strategy.Contains("fair", StringComparison.Ordinal);

    private static (CheckResult, BugReport?) Probe(Evaluation evaluation, ConcurrencyDemand demand, GradingSettings settings, double points)
    {
        ExplorationOptions options = evaluation.Options("probe");
        ProbeOutcome outcome = ConcurrencyProbe.Run(demand, evaluation.Subject, options.MaxSteps, options.Seed, settings.ProbeAttempts);
        if (outcome.Overlapped)
        {
            return (new CheckResult(CheckNames.Concurrency, true, points, points, $"{outcome.Finding}: {demand.Description}."), null);
        }
        var text = new StringBuilder()
            .AppendLine($"In {Plural(outcome.Schedules, "probe schedule")} the calls never overlapped, but {demand.Description}.")
            .AppendLine(outcome.Finding)
            .AppendLine("The fix serialises more than it must (one lock around everything?): keep the locking as fine as the task asks.");
        if (outcome.Sample is { } sample) text.AppendLine().AppendLine("The schedule that shows it:").Append(TraceRenderer.Render(sample with { Bug = null }, EdgeRows));
        return (new CheckResult(CheckNames.Concurrency, false, 0, points, text.ToString()), null);
    }

    /// <summary>Runs a check; an exception of the engine itself fails that check with the exception instead of ending all grading.</summary>
    private static (CheckResult Check, BugReport? Bug) Guarded(string name, double points, Func<double, (CheckResult, BugReport?)> check)
    {
        try
        {
            return check(points);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return (new CheckResult(name, false, 0, points, $"The check could not evaluation: {exception.GetType().Name}: {exception.Message}"), null);
        }
    }

    private static CheckResult NotRun(string name, double points, string reason) => new(name, false, 0, points, reason);

    private static CheckResult Failed(string name, double points, TestReport report, ExerciseSubject subject, string prefix = "") =>
        new(name, false, 0, points, Describe(report, subject, prefix));

    /// <summary>One grading of one implementation: its scenario, subject and base options, each check with a trace folder of its own.</summary>
    private sealed record Evaluation(IScenario Scenario, ExerciseSubject Subject, ExplorationOptions Budget, IReadOnlyList<Target> Targets)
    {
        public static Evaluation Of(Exercise exercise, ExerciseSubject subject, ExplorationOptions budget)
        {
            IScenario scenario = exercise.Scenario;
            var targets = new List<Target> { new(subject.Subject.TestName, scenario.Harness(subject.Factory), scenario.FixedDfsPreemptionBound, null) };
            targets.AddRange(exercise.Oracles.Select(o =>
                new Target((subject.Subject with { Oracle = o.Name }).TestName, o.Harness(subject.Factory), o.DfsPreemptionBound, o)));
            return new Evaluation(scenario, subject, budget, targets);
        }

        public ExplorationOptions Options(string check) => Budget.WithTraceDirectory(Path.Combine(Budget.TraceDirectory!, check));

        public TestReport Explore(Target target, ExplorationOptions options, ISchedulingStrategy strategy) =>
            TestingEngine.Explore(target.TestName, target.Body, options, strategy);
    }

    /// <summary>One explored harness: the scenario's own (first), or one of the exercise's oracles.</summary>
    private sealed record Target(string TestName, Action Body, int? DfsPreemptionBound, ExerciseOracle? Oracle);
}
