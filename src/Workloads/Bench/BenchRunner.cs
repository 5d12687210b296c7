using System.Diagnostics;
using System.Globalization;
using Lab.Workloads.Executors;
using Lab.Workloads.Measurement;
using Lab.Workloads.Overheads;
using Lab.Workloads.Python;

namespace Lab.Workloads.Bench;

/// <summary>
/// Runs the bench matrix (standard workloads × executors × worker counts), measures the thread and process overheads,
/// optionally adds the CPython comparison, and derives speedups, Amdahl fits and the summary line.
/// </summary>
public static class BenchRunner
{
    private const int OverheadProcessStarts = 3;
    private const int OverheadMessages = 300;

    /// <summary>The executors the bench compares, in column order; the process pool executor must be disposed by the caller.</summary>
    public static IReadOnlyList<IExecutor> StandardExecutors(ProcessPoolExecutor processes) =>
    [
        new SequentialExecutor(),
        new DedicatedThreadsExecutor(),
        new ThreadPoolExecutor(),
        new AsyncTasksExecutor(),
        new EmulatedGilThreadsExecutor(),
        processes,
    ];

    /// <summary>Runs the bench on the standard workloads at <see cref="BenchOptions.WorkScale"/>, reporting progress after every step.</summary>
    public static BenchResult Run(BenchOptions options, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Run(options, WorkloadCatalog.Standard(options.WorkScale), progress, cancellationToken);

    /// <summary>Runs the bench on chosen workloads, for custom matrices and tests.</summary>
    public static BenchResult Run(BenchOptions options, IReadOnlyList<Workload> workloads, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmUpRuns);
        long started = Stopwatch.GetTimestamp();
        MachineDescription machine = MachineDescription.Current();
        double capacityBefore = ParallelCapacity.Measure(machine.ProcessorCount);
        using var processes = new ProcessPoolExecutor();
        IReadOnlyList<BenchCell> cells = BenchPlan.Cells(workloads, StandardExecutors(processes), options.WorkerCounts);
        int total = cells.Count + 1 + (options.IncludePython ? 1 : 0);
        var rows = new List<BenchRow>(cells.Count);
        var startups = new List<PoolStartup>();
        var notes = new List<string>();
        var benchWorkloads = workloads.Select(BenchWorkload.From).ToList();

        var sessions = new Dictionary<Workload, WorkloadSession>();
        try
        {
            foreach (var workload in workloads)
            {
                sessions[workload] = workload.Open();
            }

            foreach (var cell in cells)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new BenchProgress(rows.Count, total, cell.Label));
                if (cell.Executor is ProcessPoolExecutor && !processes.HasPool(cell.Workers))
                {
                    startups.Add(StartPool(processes, cell.Workers));
                }

                rows.Add(Measure(cell, sessions[cell.Workload], options));
            }
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
        }

        progress?.Report(new BenchProgress(cells.Count, total, "overheads: thread and process start, hand-off and round trip"));
        OverheadReport overheads = OverheadProbe.Measure(processes.Pools.FirstOrDefault() ?? processes.EnsurePool(1), OverheadProcessStarts, OverheadMessages);
        processes.Dispose();

        if (options.IncludePython)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new BenchProgress(cells.Count + 1, total, "CPython: threads and processes"));
            PythonOutcome python = PythonComparison.Run(options, cancellationToken);
            benchWorkloads.AddRange(python.Workloads);
            rows.AddRange(python.Rows);
            notes.Add(python.Note);
        }

        notes.AddRange(ChecksumMismatches(rows));
        notes.AddRange(CapacityWarnings(machine.ProcessorCount, capacityBefore, ParallelCapacity.Measure(machine.ProcessorCount)));
        IReadOnlyList<BenchRow> withSpeedups = SpeedupAttachment.Attach(rows);
        progress?.Report(new BenchProgress(total, total, "done"));
        return new BenchResult(
            machine,
            options,
            benchWorkloads,
            withSpeedups,
            ExecutorFit.FitAll(withSpeedups, machine.ProcessorCount),
            overheads,
            startups,
            SpeedupSummary.Line(withSpeedups),
            Stopwatch.GetElapsedTime(started),
            notes);
    }

    /// <summary>Notes for every row whose checksum differs from its workload's sequential row: some executor lost or repeated work.</summary>
    public static IEnumerable<string> ChecksumMismatches(IReadOnlyList<BenchRow> rows) => rows
        .GroupBy(row => row.Workload)
        .SelectMany(group =>
        {
            BenchRow? baseline = group.FirstOrDefault(row => row.Executor == SequentialExecutor.ExecutorName);
            return baseline is null
                ? []
                : group
                    .Where(row => Math.Abs(row.Checksum - baseline.Checksum) > 1e-9 * Math.Max(1, Math.Abs(baseline.Checksum)))
                    .Select(row => $"checksum mismatch: {row.Workload} / {row.Executor} / {row.Workers} workers gave {row.Checksum}, sequential gave {baseline.Checksum}");
        });

    /// <summary>A note when, before or after the run, this process could not get most of the machine's cores: a busy neighbour skews every speedup.</summary>
    public static IEnumerable<string> CapacityWarnings(int cores, double before, double after) =>
        Math.Min(before, after) < 0.8 * cores
            ? [string.Create(CultureInfo.InvariantCulture, $"only {before:F2} (before) and {after:F2} (after) of {cores} cores were available to this process; another process was using the CPU, so speedups are understated.")]
            : [];

    private static PoolStartup StartPool(ProcessPoolExecutor processes, int workers)
    {
        var pool = processes.EnsurePool(workers);
        return new PoolStartup(workers, pool.StartupTime, Median.Of(pool.WorkerStartupTimes));
    }

    private static BenchRow Measure(BenchCell cell, WorkloadSession session, BenchOptions options)
    {
        IReadOnlyList<WorkItem> items = session.CreateItems(cell.Workers);
        for (int warmUp = 0; warmUp < options.WarmUpRuns; warmUp++)
        {
            cell.Executor.Run(items, cell.Workers);
        }

        var runs = new List<RunMeasurement>(options.Repetitions);
        double checksum = 0;
        for (int repetition = 0; repetition < options.Repetitions; repetition++)
        {
            ExecutionReport report = cell.Executor.Run(items, cell.Workers);
            runs.Add(report.Measurement);
            checksum = report.Checksum;
        }

        return new BenchRow(cell.Workload.Name, cell.Workload.Kind, cell.Executor.Name, cell.Workers, runs, checksum);
    }
}
