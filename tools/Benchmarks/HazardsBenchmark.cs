extern alias coyote;
using System.Globalization;
using coyote::Lab.Scenarios.Coyote;
using Lab.Systematic.Coyote.Testing;
using Lab.Scenarios;
using Lab.Scenarios.Stress;
using Lab.Systematic.Testing;

namespace Lab.Benchmarks;

/// <summary>
/// Systematic exploration against plain stress, one row per buggy scenario. Systematic: the scenario's stated budget
/// for each of 20 seeds (minimisation off, so the time is time-to-bug); medians are over the seeds that found the
/// bug. Stress: the harness run for real, over and over, for the same wall time the 20 systematic runs took in all
/// (or a fixed budget given with --stress-ms); a run shows the bug by an assertion, an exception or a hang.
/// Coyote: the Coyote-rewritten copy of the same scenario under its stated Coyote configuration, for each of 5 seeds
/// (--coyote-seeds N, 0 leaves Coyote out): on how many seeds it reported the bug (any kind), median iterations and ms.
/// Ends with "hazards=N systematic_found=N stress_found=N coyote_found=N" (found: by at least one seed / in at least one run).
/// </summary>
public static class HazardsBenchmark
{
    /// <summary>Runs the comparison; arguments: [--seeds N] [--only id-fragment] [--stress-ms N] [--run-timeout-ms N] [--coyote-seeds N].</summary>
    public static int Run(string[] args)
    {
        int seeds = 20;
        int coyoteSeeds = 5;
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
                case "--coyote-seeds": coyoteSeeds = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown argument {args[i]}; use --seeds N, --only id-fragment, --stress-ms N, --run-timeout-ms N, --coyote-seeds N");
            }
            i++;
        }
        string traces = Path.Combine(Path.GetTempPath(), $"lab-hazards-benchmark-{Environment.ProcessId}");
        var stressOptions = new StressOptions { RunTimeout = runTimeout, MaxHangs = 20 };
        Console.WriteLine($"systematic: stated budget per scenario, {seeds} seeds; stress: real threads, same total wall time " +
                          (stressBudget is { } fixedBudget ? $"(fixed {fixedBudget.TotalMilliseconds:0} ms)" : "as the systematic runs") +
                          $", a run longer than {runTimeout.TotalMilliseconds:0} ms counts as a hang");
        Console.WriteLine();
        if (coyoteSeeds > 0) Console.WriteLine($"coyote: its stated configuration per scenario (CoyoteExpectations), {coyoteSeeds} seeds, on the Coyote-rewritten copy");
        Console.WriteLine($"{"scenario",-42} {"expected",-19} {"sys found",9} {"med iter",8} {"med ms",8} {"sys ms",8} | {"stress runs",11} {"bug runs",8} {"stress ms",9}" +
                          (coyoteSeeds > 0 ? $" | {"coyote found",12} {"med iter",8} {"med ms",8}  coyote reports" : ""));
        int hazards = 0, systematicFound = 0, stressFound = 0, coyoteFound = 0;
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
                string coyoteColumns = "";
                if (coyoteSeeds > 0 && scenario.IsSystematic)
                {
                    CoyoteColumns columns = Coyote(scenario.Id, coyoteSeeds, traces);
                    if (columns.Found > 0) coyoteFound++;
                    coyoteColumns = $" | {columns.Found,8}/{coyoteSeeds,-3} {columns.MedianIterations,8} {columns.MedianMilliseconds,8}  {columns.Kinds}";
                }
                Console.WriteLine($"{scenario.Id,-42} {expected,-19} {iterations.Count,5}/{seeds,-3} {medianIterations,8} {medianTime,8} " +
                                  $"{total.TotalMilliseconds,8:0} | {stress.Runs,11} {stress.BugRuns,8} {stress.Elapsed.TotalMilliseconds,9:0}{coyoteColumns}");
                if (stress.Litmus is { } litmus) Console.WriteLine($"{"",42}   stress outcomes: {litmus.Summary}");
            }
        }
        finally
        {
            if (Directory.Exists(traces)) Directory.Delete(traces, recursive: true);
        }
        Console.WriteLine();
        Console.WriteLine($"hazards={hazards} systematic_found={systematicFound} stress_found={stressFound}" + (coyoteSeeds > 0 ? $" coyote_found={coyoteFound}" : ""));
        return 0;
    }

    /// <summary>The buggy variant under Coyote for seeds 0..n-1: how many found a bug, medians over those, and the kinds reported.</summary>
    private static CoyoteColumns Coyote(string scenarioId, int seeds, string traces)
    {
        CoyoteOptions stated = CoyoteExpectations.For(scenarioId).Options.WithTraceDirectory(traces);
        var iterations = new List<double>();
        var milliseconds = new List<double>();
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        for (uint seed = 0; seed < seeds; seed++)
        {
            CoyoteReport report = CoyoteScenarios.Explore(scenarioId, buggy: true, stated.WithSeed(seed));
            if (report.Bug is not { } bug) continue;
            kinds.Add(bug.Kind.ToString());
            iterations.Add(report.Iterations);
            milliseconds.Add(report.Elapsed.TotalMilliseconds);
        }
        return new CoyoteColumns(
            iterations.Count,
            iterations.Count > 0 ? Median.Of(iterations).ToString("0.#", CultureInfo.InvariantCulture) : "-",
            milliseconds.Count > 0 ? Median.Of(milliseconds).ToString("0.0", CultureInfo.InvariantCulture) : "-",
            kinds.Count > 0 ? string.Join("/", kinds) : "not found");
    }

    private sealed record CoyoteColumns(int Found, string MedianIterations, string MedianMilliseconds, string Kinds);
}
