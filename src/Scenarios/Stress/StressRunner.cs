using System.Diagnostics;
using Lab.Scenarios.MemoryModel;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Stress;

/// <summary>Settings of a stress run.</summary>
public sealed record StressOptions
{
    /// <summary>The defaults: 250 ms per run before it counts as a hang, at most 10 hangs.</summary>
    public static StressOptions Default { get; } = new();

    /// <summary>How long one run may take before it counts as a hang and its threads are abandoned.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Stop after this many runs (default: only the time budget limits runs).</summary>
    public int? MaxRuns { get; init; }

    /// <summary>Stop after this many hangs: each leaves blocked threads behind (default 10).</summary>
    public int MaxHangs { get; init; } = 10;

    /// <summary>Stop at the first run that shows the bug.</summary>
    public bool StopAtFirstBug { get; init; }
}

/// <summary>
/// Runs a scenario's harness for real, with real threads (outside any exploration every primitive, controlled or rewritten, is the
/// .NET one), over and over, and counts the runs where the bug showed. This is what "run it many times and hope"
/// testing achieves, for comparison with systematic exploration.
/// </summary>
public static class StressRunner
{
    /// <summary>Stress-runs one variant of a scenario for <paramref name="budget"/>.</summary>
    public static StressResult Run(IScenario scenario, Variant variant, TimeSpan budget, StressOptions? options = null) =>
        Run(scenario, scenario.Factory(variant), budget, options) with { Variant = variant };

    /// <summary>Stress-runs any implementation of the scenario's contract (a student's, for example).</summary>
    public static StressResult Run(IScenario scenario, Func<object> factory, TimeSpan budget, StressOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(factory);
        options ??= StressOptions.Default;
        if (scenario.Contract == typeof(IStoreBufferingLitmus))
        {
            StoreBufferingOutcomes litmus = CountStoreBuffering(factory, budget, options.MaxRuns);
            return new StressResult { ScenarioId = scenario.Id, Runs = (int)Math.Min(litmus.Runs, int.MaxValue), Elapsed = litmus.Elapsed, Litmus = litmus };
        }
        var clock = Stopwatch.StartNew();
        int runs = 0, assertions = 0, exceptions = 0, hangs = 0;
        string? first = null;
        while (clock.Elapsed < budget && runs < (options.MaxRuns ?? int.MaxValue) && hangs < options.MaxHangs)
        {
            runs++;
            Exception? failure = RunOnce(scenario.Harness(factory), options.RunTimeout, out bool hung);
            if (hung)
            {
                hangs++;
                first ??= $"hang: the run did not finish within {options.RunTimeout.TotalMilliseconds:0} ms";
            }
            else if (failure is AssertionFailureException)
            {
                assertions++;
                first ??= failure.Message;
            }
            else if (failure is not null)
            {
                exceptions++;
                first ??= $"{failure.GetType().FullName}: {failure.Message}";
            }
            else
            {
                continue;
            }
            if (options.StopAtFirstBug) break;
        }
        return new StressResult
        {
            ScenarioId = scenario.Id, Runs = runs, AssertionFailures = assertions, Exceptions = exceptions, Hangs = hangs,
            Elapsed = clock.Elapsed, FirstFailure = first,
        };
    }

    /// <summary>
    /// Runs the harness body once on a fresh background thread; a run that outlives the timeout is abandoned. The
    /// failure is the first exception of the body or of any thread it started.
    /// </summary>
    private static Exception? RunOnce(Action body, TimeSpan timeout, out bool hung)
    {
        var run = new RealRun();
        // Never disposed: an abandoned run may still set it much later.
        var done = new ManualResetEventSlim(false);
        var thread = new Thread(() =>
        {
            try
            {
                run.Execute(body);
            }
            finally
            {
                done.Set();
            }
        }) { IsBackground = true, Name = "stress-run" };
        thread.Start();
        hung = !done.Wait(timeout);
        return hung ? null : run.Failure;
    }

    /// <summary>
    /// Runs the store-buffering litmus test for real on two threads for <paramref name="budget"/> and counts each
    /// outcome (at least one batch of 2,000 runs; at most about <paramref name="maxRuns"/>, rounded up to a batch). The two
    /// threads meet at a spin barrier before every run so that their stores and loads overlap.
    /// </summary>
    public static StoreBufferingOutcomes CountStoreBuffering(Func<object> factory, TimeSpan budget, long? maxRuns = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        const int Batch = 2_000;
        var clock = Stopwatch.StartNew();
        long[] counts = new long[4];
        do
        {
            var litmus = new IStoreBufferingLitmus[Batch];
            for (int i = 0; i < Batch; i++) litmus[i] = (IStoreBufferingLitmus)factory();
            int[] r1 = new int[Batch], r2 = new int[Batch];
            var arrivals = new int[2];
            var left = new Thread(() => RunSide(litmus, r1, arrivals, me: 0, left: true)) { IsBackground = true, Name = "litmus-left" };
            var right = new Thread(() => RunSide(litmus, r2, arrivals, me: 1, left: false)) { IsBackground = true, Name = "litmus-right" };
            left.Start();
            right.Start();
            left.Join();
            right.Join();
            for (int i = 0; i < Batch; i++) counts[r1[i] * 2 + r2[i]]++;
        }
        while (clock.Elapsed < budget && counts.Sum() < (maxRuns ?? long.MaxValue));
        return new StoreBufferingOutcomes(counts[0], counts[1], counts[2], counts[3], clock.Elapsed);
    }

    private static void RunSide(IStoreBufferingLitmus[] litmus, int[] results, int[] arrivals, int me, bool left)
    {
        for (int i = 0; i < litmus.Length; i++)
        {
            // A two-party barrier: announce round i, wait until the other side has announced it too.
            Volatile.Write(ref arrivals[me], i + 1);
            var spin = new SpinWait();
            while (Volatile.Read(ref arrivals[1 - me]) < i + 1) spin.SpinOnce(sleep1Threshold: -1);
            results[i] = left ? litmus[i].Left() : litmus[i].Right();
        }
    }
}
