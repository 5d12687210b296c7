using Lab.Benchmarks.Programs;
using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Testing;

namespace Lab.Benchmarks;

/// <summary>
/// The lab's engine against Microsoft Coyote on the engine benchmark's program (two threads, ten yields each), both
/// with a random strategy, in alternating rounds after a warm-up. The lab explores its controlled-primitive version
/// (<see cref="EngineBenchmark.TenPointsEach"/>), Coyote the same program in ordinary C# that the build Coyote-rewrote.
/// Prints medians: lab_iterations_per_s, coyote_iterations_per_s, lab_vs_coyote, and steps per iteration for each.
/// </summary>
internal static class CoyoteBenchmark
{
    private const int Rounds = 5;
    private const int LabIterations = 20_000;
    private const int CoyoteIterations = 2_000;

    public static int Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : Rounds;
        if (!CoyoteExplorer.IsRewritten(typeof(TenYieldsEach).Assembly))
        {
            Console.Error.WriteLine("Lab.Benchmarks.Programs.dll is not Coyote-rewritten: build tools/Benchmarks without -p:CoyoteRewrite=false");
            return 1;
        }
        Lab(2_000, 99);
        Coyote(300, 99);
        var labRates = new List<double>();
        var coyoteRates = new List<double>();
        var labSteps = new List<double>();
        var coyoteSteps = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            TestReport lab = Lab(LabIterations, (ulong)round);
            labRates.Add(lab.Iterations / lab.Elapsed.TotalSeconds);
            labSteps.Add((double)lab.TotalSteps / lab.Iterations);
            CoyoteReport coyote = Coyote(CoyoteIterations, (uint)round);
            if (coyote.Bug is not null) throw new InvalidOperationException($"Coyote reported a bug in the benchmark program: {coyote.Bug}");
            coyoteRates.Add(coyote.Iterations / coyote.Elapsed.TotalSeconds);
            coyoteSteps.Add((double)coyote.Steps / coyote.Iterations);
            Console.WriteLine($"round {round + 1}/{rounds}: lab {labRates[^1]:0} it/s ({labSteps[^1]:0.#} steps/it), " +
                              $"coyote {coyoteRates[^1]:0} it/s ({coyoteSteps[^1]:0.#} steps/it)");
        }
        double labRate = Median.Of(labRates), coyoteRate = Median.Of(coyoteRates);
        Console.WriteLine($"lab_iterations_per_s={labRate:0} coyote_iterations_per_s={coyoteRate:0} lab_vs_coyote={labRate / coyoteRate:0.0} " +
                          $"lab_steps_per_iteration={Median.Of(labSteps):0.#} coyote_steps_per_iteration={Median.Of(coyoteSteps):0.#}");
        return 0;
    }

    private static TestReport Lab(int iterations, ulong seed) =>
        TestingEngine.Explore("benchmark", EngineBenchmark.TenPointsEach,
            ExplorationOptions.Default.WithStrategy(StrategyKind.Random).WithIterations(iterations).WithSeed(seed));

    private static CoyoteReport Coyote(int iterations, uint seed) =>
        CoyoteExplorer.Explore("benchmark", TenYieldsEach.Run,
            CoyoteOptions.Default.WithStrategy(CoyoteStrategy.Random).WithIterations(iterations).WithSeed(seed));
}
