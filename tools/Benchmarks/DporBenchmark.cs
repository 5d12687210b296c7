using System.Globalization;
using Lab.Scenarios;
using Lab.Systematic.Testing;

namespace Lab.Benchmarks;

/// <summary>
/// Plain DFS against DPOR on every fixed scenario, both under the scenario's stated bound (its step bound and, for
/// spinning code, its preemption bound): schedules explored to exhaustion (or to the cap) and the time. Reduction is
/// DFS schedules over DPOR interleavings, over the scenarios both exhausted. Ends with
/// "dpor_exhausted=N of M dfs_exhausted=K of M median_reduction=R".
/// </summary>
public static class DporBenchmark
{
    /// <summary>Runs the comparison; arguments: [--only id-fragment] [--cap N] [--time-limit-s N].</summary>
    public static int Run(string[] args)
    {
        string? only = null;
        int cap = 200_000;
        var timeLimit = TimeSpan.FromSeconds(60);
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--only": only = value; break;
                case "--cap": cap = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--time-limit-s": timeLimit = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"unknown argument {args[i]}; use --only id-fragment, --cap N, --time-limit-s N");
            }
            i++;
        }
        Console.WriteLine($"fixed variants, stated bound per scenario; each run capped at {cap} schedules and {timeLimit.TotalSeconds:0} s; race detection on");
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-42} {"bound",-18} | {"dfs sched",10} {"exh",3} {"dfs ms",8} | {"dpor runs",9} {"traces",7} {"exh",3} {"dpor ms",8} | {"reduction",9}");
        int scenarios = 0, dporExhausted = 0, dfsExhausted = 0;
        var reductions = new List<double>();
        string traces = Path.Combine(Path.GetTempPath(), $"lab-dpor-benchmark-{Environment.ProcessId}");
        try
        {
            foreach (IScenario scenario in ScenarioCatalog.All)
            {
                if (!scenario.IsSystematic || (only is not null && !scenario.Id.Contains(only, StringComparison.Ordinal))) continue;
                scenarios++;
                ExplorationOptions options = scenario.Budget.WithPreemptionBound(scenario.FixedDfsPreemptionBound).WithIterations(cap)
                    .WithTimeLimit(timeLimit).WithTraceDirectory(traces).WithMinimization(false);
                TestReport dfs = Explore(scenario, options.WithStrategy(StrategyKind.Dfs));
                TestReport dpor = Explore(scenario, options.WithStrategy(StrategyKind.Dpor));
                if (dfs.SpaceExhausted) dfsExhausted++;
                if (dpor.SpaceExhausted) dporExhausted++;
                string reduction = "-";
                if (dfs.SpaceExhausted && dpor.SpaceExhausted)
                {
                    reductions.Add((double)dfs.Iterations / dpor.Iterations);
                    reduction = $"{reductions[^1]:0.0}x";
                }
                else if (dpor.SpaceExhausted)
                {
                    reduction = $">{(double)dfs.Iterations / dpor.Iterations:0.0}x";
                }
                string bound = $"{scenario.Budget.MaxSteps} steps" + (scenario.FixedDfsPreemptionBound is { } pb ? $", pb {pb}" : "");
                Console.WriteLine($"{scenario.Id,-42} {bound,-18} | {dfs.Iterations,10} {Yes(dfs),3} {dfs.Elapsed.TotalMilliseconds,8:0} | " +
                                  $"{dpor.Iterations,9} {dpor.MazurkiewiczTraces,7} {Yes(dpor),3} {dpor.Elapsed.TotalMilliseconds,8:0} | {reduction,9}");
                if ((dfs.Bug ?? dpor.Bug) is { } bug) Console.WriteLine($"{"",42}   BUG in a fixed variant: {bug.Kind}: {bug.Message}");
            }
        }
        finally
        {
            if (Directory.Exists(traces)) Directory.Delete(traces, recursive: true);
        }
        string median = reductions.Count > 0 ? Median.Of(reductions).ToString("0.0", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine();
        Console.WriteLine($"dpor_exhausted={dporExhausted} of {scenarios} dfs_exhausted={dfsExhausted} of {scenarios} median_reduction={median}");
        return 0;
    }

    private static TestReport Explore(IScenario scenario, ExplorationOptions options) =>
        TestingEngine.Explore(scenario.Id, scenario.Harness(scenario.Factory(Variant.Fixed)), options);

    private static string Yes(TestReport report) => report.SpaceExhausted ? "yes" : "no";
}
