using Lab.Benchmarks.Rewritten;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;
using SemaphoreSlim = System.Threading.SemaphoreSlim;

namespace Lab.Benchmarks;

/// <summary>
/// Measures the engine against the bare baton-passing floor, side by side in one run after a warm-up, and prints
/// medians of repeated rounds: handoff_us, floor_iterations_per_s, iterations_per_s, engine_vs_floor, step_us; and the
/// same program in ordinary C#, lab-rewritten, in alternating rounds: rewritten_iterations_per_s, rewritten_vs_api;
/// and as async code (two async operations of ten awaits each, rewritten): async_iterations_per_s, async_vs_threads.
/// </summary>
internal static class EngineBenchmark
{
    private const int Rounds = 7;
    private const int IterationsPerRound = 20_000;

    public static int Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : Rounds;
        using var floor = new BatonFloor();
        Warm(floor);
        var floorRates = new List<double>();
        var engineRates = new List<double>();
        var stepMicros = new List<double>();
        var handoffs = new List<double>();
        var rewrittenRates = new List<double>();
        var asyncRates = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            handoffs.Add(PingPongMicroseconds(50_000));
            floorRates.Add(IterationsPerRound / floor.Run(IterationsPerRound, (ulong)round));
            TestReport report = Engine(IterationsPerRound, (ulong)round);
            engineRates.Add(report.Iterations / report.Elapsed.TotalSeconds);
            stepMicros.Add(report.Elapsed.TotalMilliseconds * 1000 / report.TotalSteps);
            TestReport rewritten = Rewritten(IterationsPerRound, (ulong)round);
            rewrittenRates.Add(rewritten.Iterations / rewritten.Elapsed.TotalSeconds);
            TestReport asynchronous = Async(IterationsPerRound, (ulong)round);
            asyncRates.Add(asynchronous.Iterations / asynchronous.Elapsed.TotalSeconds);
            Console.WriteLine($"round {round + 1}/{rounds}: floor {floorRates[^1]:0} it/s, engine {engineRates[^1]:0} it/s, " +
                              $"rewritten {rewrittenRates[^1]:0} it/s, async {asyncRates[^1]:0} it/s, handoff {handoffs[^1]:0.00} µs, " +
                              $"steps/iteration api {(double)report.TotalSteps / report.Iterations:0.0} rewritten {(double)rewritten.TotalSteps / rewritten.Iterations:0.0} " +
                              $"async {(double)asynchronous.TotalSteps / asynchronous.Iterations:0.0}");
        }
        double floorRate = Median.Of(floorRates), engineRate = Median.Of(engineRates), rewrittenRate = Median.Of(rewrittenRates), asyncRate = Median.Of(asyncRates);
        Console.WriteLine($"handoff_us={Median.Of(handoffs):0.00} floor_iterations_per_s={floorRate:0} iterations_per_s={engineRate:0} " +
                          $"engine_vs_floor={engineRate / floorRate:0.00} step_us={Median.Of(stepMicros):0.00} " +
                          $"rewritten_iterations_per_s={rewrittenRate:0} rewritten_vs_api={rewrittenRate / engineRate:0.00} " +
                          $"async_iterations_per_s={asyncRate:0} async_vs_threads={asyncRate / rewrittenRate:0.00}");
        return 0;
    }

    /// <summary>JIT tiering more than doubles early figures: run everything until tier-1 code is in place.</summary>
    private static void Warm(BatonFloor floor)
    {
        for (int i = 0; i < 3; i++)
        {
            floor.Run(5_000, 99);
            Engine(5_000, 99);
            Rewritten(5_000, 99);
            Async(5_000, 99);
            PingPongMicroseconds(5_000);
        }
    }

    /// <summary>The benchmark program explored with default options.</summary>
    private static TestReport Engine(int iterations, ulong seed) =>
        TestingEngine.Explore("benchmark", TenPointsEach, ExplorationOptions.Default.WithIterations(iterations).WithSeed(seed));

    /// <summary>
    /// The same program in ordinary C# (<see cref="TenWritesEach"/>, ten plain-field writes per thread), rewritten by
    /// the lab's rewriter at build time, explored with default options. It must find nothing, or the figure is moot.
    /// </summary>
    private static TestReport Rewritten(int iterations, ulong seed)
    {
        TestReport report = TestingEngine.Explore("benchmark-rewritten", TenWritesEach.Run,
            ExplorationOptions.Default.WithIterations(iterations).WithSeed(seed));
        if (!report.IsBugFree || report.Iterations != iterations || report.TotalSteps == 0)
            throw new InvalidOperationException($"the rewritten benchmark program ran {report.Iterations} of {iterations} iterations, {report.TotalSteps} steps: is it rewritten, and bug-free?");
        return report;
    }

    /// <summary>The async version (<see cref="TenAwaitsEach"/>), rewritten at build time; it must find nothing and take steps, or the figure is moot.</summary>
    private static TestReport Async(int iterations, ulong seed)
    {
        TestReport report = TestingEngine.Explore("benchmark-async", TenAwaitsEach.RunAsync, ExplorationOptions.Default.WithIterations(iterations).WithSeed(seed));
        if (!report.IsBugFree || report.Iterations != iterations || report.TotalSteps == 0)
            throw new InvalidOperationException($"the async benchmark program ran {report.Iterations} of {iterations} iterations, {report.TotalSteps} steps: {report.Bug?.Message ?? "is it rewritten?"}");
        return report;
    }

    /// <summary>Two threads, ten scheduling points each, started and joined by main: the program both engine benchmarks explore.</summary>
    public static void TenPointsEach()
    {
        static void TenPoints()
        {
            for (int i = 0; i < 10; i++) ControlledThread.Yield();
        }
        var t1 = new ControlledThread(TenPoints);
        var t2 = new ControlledThread(TenPoints);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    /// <summary>One-way handoff time of a raw two-thread SemaphoreSlim ping-pong, for information.</summary>
    private static double PingPongMicroseconds(int roundTrips)
    {
        using var ping = new SemaphoreSlim(0, 1);
        using var pong = new SemaphoreSlim(0, 1);
        var partner = new Thread(() =>
        {
            for (int i = 0; i < roundTrips; i++)
            {
                ping.Wait();
                pong.Release();
            }
        }) { IsBackground = true };
        partner.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < roundTrips; i++)
        {
            ping.Release();
            pong.Wait();
        }
        double micros = clock.Elapsed.TotalMilliseconds * 1000 / (2.0 * roundTrips);
        partner.Join();
        return micros;
    }
}
