namespace Lab.Workloads.Bench;

/// <summary>What a bench run measures and where it writes, as an immutable value recorded in bench.json.</summary>
/// <param name="Profile">The preset these options came from.</param>
/// <param name="OutputDirectory">Where bench.json, the charts and the Python script go.</param>
/// <param name="WorkerCounts">The worker counts of the matrix.</param>
/// <param name="Repetitions">Measured runs per cell; the median is reported.</param>
/// <param name="WarmUpRuns">Unmeasured runs per cell before measuring (JIT, caches, pool start-up).</param>
/// <param name="WorkScale">Multiplies workload sizes; 1 means about a quarter second of one core per CPU-bound workload.</param>
/// <param name="IncludePython">Also run the CPython comparison when python3 is on PATH.</param>
public sealed record BenchOptions(
    BenchProfile Profile,
    string OutputDirectory,
    IReadOnlyList<int> WorkerCounts,
    int Repetitions,
    int WarmUpRuns,
    double WorkScale,
    bool IncludePython)
{
    /// <summary>The default output directory, relative to the current directory (ignored by git).</summary>
    public const string DefaultOutputDirectory = "bench-out";

    /// <summary>The worker counts of the standard matrix.</summary>
    public static IReadOnlyList<int> StandardWorkerCounts { get; } = [1, 2, 4, 8, 16];

    /// <summary>The quick preset: the whole matrix at a fifth of the size with three repetitions, well under a minute on two cores.</summary>
    public static BenchOptions Quick(string outputDirectory = DefaultOutputDirectory) =>
        new(BenchProfile.Quick, outputDirectory, StandardWorkerCounts, Repetitions: 3, WarmUpRuns: 1, WorkScale: 0.2, IncludePython: true);

    /// <summary>The full preset: full sizes and five repetitions per cell.</summary>
    public static BenchOptions Full(string outputDirectory = DefaultOutputDirectory) =>
        new(BenchProfile.Full, outputDirectory, StandardWorkerCounts, Repetitions: 5, WarmUpRuns: 1, WorkScale: 1.0, IncludePython: true);
}
