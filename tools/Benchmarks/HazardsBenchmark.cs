using System.Globalization;
using Lab.Scenarios;
using Lab.Scenarios.Stress;
using Lab.Systematic.Testing;

namespace Lab.Benchmarks;

/// <summary>
/// Systematic exploration against plain stress, one row per buggy scenario. Systematic: the scenario's stated budget
/// for each of 20 seeds (minimisation off, so the time is time-to-bug); medians are over the seeds that found the
/// bug. Stress: the harness run for real, over and over, for the same wall time the 20 systematic runs took in all
/// (or a fixed budget given with --stress-ms); a run shows the bug by an assertion, an exception or a hang.
/// Ends with "hazards=N systematic_found=N stress_found=N" (found: by at least one seed / in at least one run).
/// </summary>
public static class HazardsBenchmark
{
    /// <summary>Runs the comparison; arguments: [--seeds N] [--only id-fragment] [--stress-ms N] [--run-timeout-ms N].</summary>
    public static int Run(string[] args)
    {
        int seeds = 20;
        string? only = null;
        TimeSpan? stressBudget = null;
        var runTimeout = TimeSpan.FromMilliseconds(100);
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seeds": seeds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--only": only = value; break;
                case "--stress-ms": stressBudget = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--run-timeout-ms": runTimeout = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"unknown argument {args[i]}; use --seeds N, --only id-fragment, --stress-ms N, --run-timeout-ms N");
            }
            i++;
        }
        string traces = Path.Combine(Path.GetTempPath(), $"lab-hazards-benchmark-{Environment.ProcessId}");
        var stressOptions = new StressOptions { RunTimeout = runTimeout, MaxHangs = 20 };
        Console.WriteLine($"systematic: stated budget per scenario, {seeds} seeds; stress: real threads, same total wall time " +
                          (stressBudget is { } fixedBudget ? $"(fixed {fixedBudget.TotalMilliseconds:0} ms)" : "as the systematic runs") +
                          $", a run longer than {runTimeout.TotalMilliseconds:0} ms counts as a hang");
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-42} {"expected",-19} {"sys found",9} {"med iter",8} {"med ms",8} {"sys ms",8} | {"stress runs",11} {"bug runs",8} {"stress ms",9}");
        int hazards = 0, systematicFound = 0, stressFound = 0;
        try
        {
            foreach (IScenario scenario in ScenarioCatalog.All)
            {
                if (only is not null && !scenario.Id.Contains(only, StringComparison.Ordinal)) continue;
                hazards++;
                var iterations = new List<double>();
                var milliseconds = new List<double>();
                var total = TimeSpan.Zero;
                for (ulong seed = 0; seed < (ulong)seeds; seed++)
                {
                    ExplorationOptions options = scenario.Budget.WithSeed(seed).WithMinimization(false).WithTraceDirectory(traces);
                    TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(scenario.Factory(Variant.Buggy)), options);
                    total += report.Elapsed;
                    if (report.Bug?.Kind != scenario.ExpectedBug) continue;
                    iterations.Add(report.BugIteration!.Value + 1);
                    milliseconds.Add(report.Elapsed.TotalMilliseconds);
                }
                StressResult stress = StressRunner.Run(scenario, Variant.Buggy, stressBudget ?? total, stressOptions);
                if (iterations.Count > 0) systematicFound++;
                if (stress.SawBug) stressFound++;
                string medianIterations = iterations.Count > 0 ? Median.Of(iterations).ToString("0.#", CultureInfo.InvariantCulture) : "-";
                string medianTime = milliseconds.Count > 0 ? Median.Of(milliseconds).ToString("0.0", CultureInfo.InvariantCulture) : "-";
                string expected = scenario.IsSystematic ? scenario.ExpectedBug.ToString() : "(r1,r2)=(0,0)";
                Console.WriteLine($"{scenario.Id,-42} {expected,-19} {iterations.Count,5}/{seeds,-3} {medianIterations,8} {medianTime,8} " +
                                  $"{total.TotalMilliseconds,8:0} | {stress.Runs,11} {stress.BugRuns,8} {stress.Elapsed.TotalMilliseconds,9:0}");
                if (stress.Litmus is { } litmus) Console.WriteLine($"{"",42}   stress outcomes: {litmus.Summary}");
            }
        }
        finally
        {
            if (Directory.Exists(traces)) Directory.Delete(traces, recursive: true);
        }
        Console.WriteLine();
        Console.WriteLine($"hazards={hazards} systematic_found={systematicFound} stress_found={stressFound}");
        return 0;
    }
}
