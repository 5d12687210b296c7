namespace Lab.Workloads.Python;

/// <summary>The JSON document the Python script prints.</summary>
/// <param name="Version">The Python version that ran.</param>
/// <param name="Rows">One row per matrix cell.</param>
internal sealed record PythonReport(string Version, IReadOnlyList<PythonRow> Rows);
