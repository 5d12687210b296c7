using System.Diagnostics;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;
using Lab.Systematic.Strategies;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Testing;

/// <summary>
/// One exploration. Workers take iteration indices in increasing order, each on its own runtime and thread pool;
/// every iteration is a pure function of (body, strategy, seed, index), and the failing iteration with the lowest
/// index wins, so the bug found, its trace and the counts do not depend on how many workers ran.
/// </summary>
internal sealed class Exploration(string testName, Action body, ExplorationOptions options, IProgress<ExplorationProgress>? progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly Dictionary<int, IterationRecord> _done = [];
    private Found? _bug;
    private Found? _race;
    private int _nextSlot;
    private volatile int _stopAfter = int.MaxValue;
    private volatile bool _exhausted;
    private TimeSpan _lastProgress;

    public TestReport Run(Func<ISchedulingStrategy> createStrategy, int workers)
    {
        int calibration = Calibrate();
        var running = new Running[workers];
        ISchedulingStrategy[] strategies = Enumerable.Range(0, workers).Select(_ => createStrategy()).ToArray();
        var threads = Enumerable.Range(0, workers).Select(i =>
        {
            running[i] = new Running();
            return new Thread(() => Work(strategies[i], calibration, running[i])) { IsBackground = true, Name = $"lab-explorer-{i}" };
        }).ToList();
        threads.ForEach(t => t.Start());
        Watch(threads, running);
        TestReport report = Report(strategies[0].Description);
        return strategies[0] is DporStrategy dpor ? Describe(report, dpor) : report;
    }

    /// <summary>
    /// Waits for the workers, and reports a hang when a worker's iteration makes no step for the hang timeout (the
    /// stuck worker thread is abandoned; it is a background thread).
    /// </summary>
    private void Watch(List<Thread> threads, Running[] running)
    {
        var seen = new (ControlledRuntime? Runtime, int Step)[threads.Count];
        while (threads.Find(t => t.IsAlive) is { } alive)
        {
            if (alive.Join(options.HangTimeout)) continue;
            for (int i = 0; i < threads.Count; i++)
            {
                Snapshot current = running[i].Current;
                var now = (current.Runtime, current.Runtime?.StepCount ?? -1);
                if (current.Runtime is { } runtime && threads[i].IsAlive && now == seen[i])
                {
                    runtime.ReportBug(ControlledRuntime.HangReport(options.HangTimeout, runtime.StepCount));
                    Record(current.Iteration, runtime, current.StrategyName);
                    threads.RemoveAt(i);
                    threads.ForEach(t => t.Join());
                    return;
                }
                seen[i] = now;
            }
        }
    }

    /// <summary>
    /// A random run outside the exploration measures how long an iteration is, so that PCT can place its priority
    /// change points without learning from earlier iterations (which would make results depend on worker count).
    /// </summary>
    private int Calibrate()
    {
        var strategy = new RandomStrategy(DeterministicRandom.Derive(options.Seed, 0xCA1B));
        return SingleRun.Execute(body, options.WithDataRaceDetection(false), strategy).StepCount;
    }

    private void Work(ISchedulingStrategy strategy, int calibration, Running running)
    {
        using var pool = new OperationThreadPool();
        var buffers = new IterationBuffers();
        PooledThread self = PooledThread.ForCallingThread();
        strategy.CompleteIteration(calibration);
        while (true)
        {
            int slot = Interlocked.Increment(ref _nextSlot) - 1;
            int iteration = options.ShardIndex + slot * options.ShardCount;
            if (iteration >= options.Iterations || iteration > _stopAfter) return;
            if (options.TimeLimit is { } limit && _clock.Elapsed > limit) return;
            if (!strategy.PrepareIteration(iteration))
            {
                _exhausted = true;
                return;
            }
            var runtime = new ControlledRuntime(options, strategy, pool, buffers: buffers);
            string strategyName = strategy is PortfolioStrategy portfolio ? portfolio.Current.Description : strategy.Description;
            running.Publish(runtime, iteration, strategyName);
            runtime.RunHere(body, self);
            running.Publish(null, -1, "");
            Record(iteration, runtime, strategyName);
            ReportProgress();
            if (iteration + options.ShardCount >= options.Iterations && !strategy.PrepareIteration(iteration + 1)) _exhausted = true;
        }
    }

    private void Record(int iteration, ControlledRuntime runtime, string strategyName)
    {
        lock (_gate)
        {
            TimedWaitOutcome[]? waits = runtime.TimedWaits.Count == 0 ? null : runtime.TimedWaits.ToArray();
            _done[iteration] = new IterationRecord(Fingerprint(runtime.Decisions), runtime.StepCount, runtime.HitStepBound && runtime.Bug is null, waits);
            if (runtime.Bug is { } bug && (_bug is null || iteration < _bug.Iteration))
            {
                _bug = new Found(iteration, SingleRun.Capture(runtime, testName, strategyName, options, iteration, bug), _clock.Elapsed);
                _stopAfter = Math.Min(_stopAfter, iteration);
            }
            if (runtime.Races?.FirstRace is { } race && (_race is null || iteration < _race.Iteration))
            {
                _race = new Found(iteration, SingleRun.Capture(runtime, testName, strategyName, options, iteration, race), _clock.Elapsed);
                if (!options.ContinueAfterDataRace) _stopAfter = Math.Min(_stopAfter, iteration);
            }
        }
    }

    private void ReportProgress()
    {
        if (progress is null) return;
        lock (_gate)
        {
            if (_clock.Elapsed - _lastProgress < TimeSpan.FromMilliseconds(200)) return;
            _lastProgress = _clock.Elapsed;
            progress.Report(new ExplorationProgress(_done.Count, options.Iterations, _done.Values.Select(r => r.Fingerprint).Distinct().Count(), _clock.Elapsed));
        }
    }

    private TestReport Report(string strategy)
    {
        Found? stoppingRace = options.ContinueAfterDataRace ? null : _race;
        int limit = Math.Min(_bug?.Iteration ?? int.MaxValue, stoppingRace?.Iteration ?? int.MaxValue);
        var counted = _done.Where(entry => entry.Key <= limit).Select(entry => entry.Value).ToList();
        Found? race = _race is { } r && r.Iteration <= limit ? r : null;
        Found? failure = _bug is { } bug && bug.Iteration <= limit ? _bug : race;
        progress?.Report(new ExplorationProgress(counted.Count, options.Iterations, counted.Select(c => c.Fingerprint).Distinct().Count(), _clock.Elapsed));
        var report = new TestReport
        {
            TestName = testName, Strategy = strategy, Seed = options.Seed, Iterations = counted.Count,
            DistinctSchedules = counted.Select(c => c.Fingerprint).Distinct().Count(), TotalSteps = counted.Sum(c => (long)c.Steps),
            IterationsAtStepBound = counted.Count(c => c.AtStepBound), SpaceExhausted = _exhausted && failure is null,
            FirstRace = race?.Trace.Bug, FirstRaceIteration = race?.Iteration, ContinuedAfterDataRace = options.ContinueAfterDataRace,
            TimedWaits = CountTimedWaits(counted), Elapsed = _clock.Elapsed, ReplayHint = options.ReplayHint,
        };
        if (failure is null) return report;
        string originalPath = TraceFile.Save(failure.Trace, TracePathFor(failure.Trace, ""));
        ScheduleTrace minimal = options.Minimize ? ScheduleMinimizer.Minimize(failure.Trace, body, options) : failure.Trace;
        string path = ReferenceEquals(minimal, failure.Trace) ? originalPath : TraceFile.Save(minimal, TracePathFor(minimal, "-min"));
        return report with
        {
            Bug = minimal.Bug, BugIteration = failure.Iteration, TimeToBug = failure.At, Trace = minimal, TracePath = path,
            OriginalTrace = failure.Trace, OriginalTracePath = originalPath, Elapsed = _clock.Elapsed,
        };
    }

    /// <summary>Adds what DPOR proved: its trace count and the bound its exhaustion holds within.</summary>
    private TestReport Describe(TestReport report, DporStrategy dpor)
    {
        dpor.FinishExploration();
        string steps = report.IterationsAtStepBound > 0 ? $"{options.MaxSteps} steps" : $"{options.MaxSteps} steps (never reached)";
        string bound = dpor.PreemptionBound is { } preemptions ? $"{steps}, {preemptions} preemptions" : steps;
        return report with { MazurkiewiczTraces = dpor.Traces, Bound = bound };
    }

    private string TracePathFor(ScheduleTrace trace, string suffix)
    {
        string directory = options.TraceDirectory ?? Path.Combine(Path.GetTempPath(), "lab-traces");
        return Path.Combine(directory, TraceFile.FileNameFor(trace.TestName, trace.Seed, trace.Iteration, suffix));
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

    /// <summary>Per wait location, how often the wait was satisfied and how often it timed out, over the counted iterations.</summary>
    private static IReadOnlyList<TimedWaitCount> CountTimedWaits(List<IterationRecord> counted)
    {
        var counts = new Dictionary<string, (int Satisfied, int TimedOut)>();
        foreach (IterationRecord record in counted)
        {
            foreach (TimedWaitOutcome wait in record.TimedWaits ?? [])
            {
                string location = SourceLocation.Format(wait.File, wait.Line);
                (int satisfied, int timedOut) = counts.GetValueOrDefault(location);
                counts[location] = wait.TimedOut ? (satisfied, timedOut + 1) : (satisfied + 1, timedOut);
            }
        }
        return counts.OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new TimedWaitCount(entry.Key, entry.Value.Satisfied, entry.Value.TimedOut)).ToList();
    }

    private readonly record struct IterationRecord(ulong Fingerprint, int Steps, bool AtStepBound, TimedWaitOutcome[]? TimedWaits);

    /// <summary>A failing iteration, its trace, and the exploration's clock when it was recorded.</summary>
    private sealed record Found(int Iteration, ScheduleTrace Trace, TimeSpan At);

    /// <summary>What a worker is running now, published for the watchdog (one reference, swapped whole).</summary>
    private sealed class Running
    {
        private volatile Snapshot _current = new(null, -1, "");

        public Snapshot Current => _current;

        public void Publish(ControlledRuntime? runtime, int iteration, string strategyName) => _current = new Snapshot(runtime, iteration, strategyName);
    }

    private sealed record Snapshot(ControlledRuntime? Runtime, int Iteration, string StrategyName);
}
