using Lab.Workloads.Bench;

namespace Lab.Workloads.Python;

/// <summary>What the CPython comparison produced: rows to add to the bench, or a note saying why there are none.</summary>
/// <param name="Workloads">The Python workloads, for charts.</param>
/// <param name="Rows">The measured rows.</param>
/// <param name="Note">Which Python ran, or why it did not.</param>
public sealed record PythonOutcome(IReadOnlyList<BenchWorkload> Workloads, IReadOnlyList<BenchRow> Rows, string Note);
