namespace Lab.Workloads.Python;

/// <summary>One matrix cell as the Python script reports it.</summary>
/// <param name="Workload">The workload's name, prefixed py-.</param>
/// <param name="Kind">CpuBound or IoBound.</param>
/// <param name="Executor">sequential, threads or processes.</param>
/// <param name="Workers">The worker count.</param>
/// <param name="Runs">The measured runs.</param>
/// <param name="Checksum">The sum of item results.</param>
internal sealed record PythonRow(string Workload, WorkloadKind Kind, string Executor, int Workers, IReadOnlyList<PythonRun> Runs, double Checksum);
