namespace Lab.Workloads.Python;

/// <summary>One timed run as the Python script reports it.</summary>
/// <param name="Wall">Wall time in seconds.</param>
/// <param name="Cpu">CPU time in seconds, workers' included for process pools.</param>
internal sealed record PythonRun(double Wall, double Cpu);
