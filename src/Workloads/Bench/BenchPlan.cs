using Lab.Workloads.Executors;

namespace Lab.Workloads.Bench;

/// <summary>Lays out the bench matrix: workloads × executors × worker counts, skipping combinations that make no sense.</summary>
public static class BenchPlan
{
    /// <summary>
    /// The cells in run order: grouped by workload (so a workload's baseline and its parallel runs are measured close
    /// together in time, before the machine's load can drift), then by worker count, then executor. The sequential baseline
    /// runs once per workload, first, with one worker; executors that do not support a workload's kind are left out.
    /// </summary>
    public static IReadOnlyList<BenchCell> Cells(IReadOnlyList<Workload> workloads, IReadOnlyList<IExecutor> executors, IReadOnlyList<int> workerCounts)
    {
        if (workerCounts.Count == 0 || workerCounts.Any(count => count < 1))
        {
            throw new ArgumentException("Worker counts must be a non-empty list of positive numbers.", nameof(workerCounts));
        }

        int first = workerCounts.Min();
        int[] counts = workerCounts.Distinct().Order().ToArray();
        return workloads
            .SelectMany(workload => counts.SelectMany(workers => executors
                .Where(executor => executor.Supports(workload.Kind))
                .Where(executor => executor is not SequentialExecutor || workers == first)
                .Select(executor => new BenchCell(workload, executor, executor is SequentialExecutor ? 1 : workers))))
            .ToArray();
    }
}
