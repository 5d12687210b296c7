namespace Lab.Workloads.Analysis;

/// <summary>One measured point of a scaling curve: how long the work took with a given number of processors.</summary>
/// <param name="Processors">Processors (or workers) that worked in parallel.</param>
/// <param name="Seconds">The measured wall time.</param>
public readonly record struct ScalingPoint(double Processors, double Seconds);
