using Lab.Workloads.Cpu;
using Lab.Workloads.Io;

namespace Lab.Workloads;

/// <summary>The lab's standard workloads at a chosen size, so tests and the bench time the same things.</summary>
public static class WorkloadCatalog
{
    /// <summary>The Mandelbrot strip; at scale 1 about a quarter of a second of one core.</summary>
    public static MandelbrotView StandardView(double scale) => new(Width: 640, Height: Math.Max(8, (int)Math.Round(640 * scale)), MaxIterations: 1000);

    /// <summary>The cosine loop; at scale 1 about a quarter of a second of one core.</summary>
    public static CosineLoopWorkload Cosine(double scale) => new((long)(20_000_000 * scale));

    /// <summary>Prime counting; at scale 1 about a quarter of a second of one core.</summary>
    public static PrimeCountWorkload Primes(double scale) => new((long)(3_000_000 * scale), Chunks: 32);

    /// <summary>The Mandelbrot strip with one block per worker.</summary>
    public static MandelbrotWorkload MandelbrotStatic(double scale) => new(StandardView(scale), Partitioning.Static, RowsPerDynamicItem: 2);

    /// <summary>The Mandelbrot strip in two-row blocks taken on demand.</summary>
    public static MandelbrotWorkload MandelbrotDynamic(double scale) => new(StandardView(scale), Partitioning.Dynamic, RowsPerDynamicItem: 2);

    /// <summary>32 blocking waits; at scale 1 each lasts 20 ms.</summary>
    public static BlockingWaitWorkload Waits(double scale) => new(Items: 32, LatencyMilliseconds: Math.Max(2, (int)Math.Round(20 * scale)));

    /// <summary>32 files of 4 KiB, each overwritten 20 times at scale 1.</summary>
    public static FileOverwriteWorkload FileOverwrites(double scale) => new(Items: 32, WritesPerItem: Math.Max(2, (int)Math.Round(20 * scale)), Bytes: 4096);

    /// <summary>32 connections making 2 round trips each to an echo server that answers after 10 ms at scale 1.</summary>
    public static LoopbackEchoWorkload Echo(double scale) => new(Items: 32, RequestsPerItem: 2, PayloadBytes: 256, ResponseDelayMilliseconds: Math.Max(2, (int)Math.Round(10 * scale)));

    /// <summary>Every standard workload, CPU-bound first.</summary>
    public static IReadOnlyList<Workload> Standard(double scale) =>
    [
        Cosine(scale),
        Primes(scale),
        MandelbrotStatic(scale),
        MandelbrotDynamic(scale),
        Waits(scale),
        FileOverwrites(scale),
        Echo(scale),
    ];
}
