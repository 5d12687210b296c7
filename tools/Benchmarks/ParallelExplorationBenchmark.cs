using Lab.Systematic.Testing;

namespace Lab.Benchmarks;

/// <summary>
/// Iterations per second of one exploration at 1 and 2 workers, measured side by side in alternating rounds after a
/// warm-up; prints medians and ends with "explore_speedup=…".
/// </summary>
internal static class ParallelExplorationBenchmark
{
    private const int IterationsPerRound = 20_000;

    public static int Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 5;
        Rate(1, 5_000);
        Rate(2, 5_000);
        var one = new List<double>();
        var two = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            one.Add(Rate(1, IterationsPerRound));
            two.Add(Rate(2, IterationsPerRound));
            Console.WriteLine($"round {round + 1}/{rounds}: 1 worker {one[^1]:0} it/s, 2 workers {two[^1]:0} it/s");
        }
        double single = Median.Of(one), pair = Median.Of(two);
        Console.WriteLine($"workers1_iterations_per_s={single:0} workers2_iterations_per_s={pair:0} cores={Environment.ProcessorCount}");
        Console.WriteLine($"explore_speedup={pair / single:0.00}");
        return 0;
    }

    private static double Rate(int workers, int iterations)
    {
        TestReport report = TestingEngine.Explore("explore-parallel", EngineBenchmark.TenPointsEach,
            ExplorationOptions.Default.WithIterations(iterations).WithParallelism(workers));
        if (report.Bug is not null) throw new InvalidOperationException("the benchmark program must be bug-free: " + report.Bug);
        return report.Iterations / report.Elapsed.TotalSeconds;
    }
}
