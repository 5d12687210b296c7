using Lab.Workloads.Measurement;

namespace Lab.Workloads.Executors;

/// <summary>The outcome of one batch: each item's result, in item order, and the batch's wall and CPU time.</summary>
/// <param name="Results">Each item's result, in the order the items were given.</param>
/// <param name="Measurement">Wall and CPU time of the whole batch.</param>
public sealed record ExecutionReport(IReadOnlyList<double> Results, RunMeasurement Measurement)
{
    /// <summary>The sum of all results, equal across executors when they did the same work.</summary>
    public double Checksum => Results.Sum();
}
