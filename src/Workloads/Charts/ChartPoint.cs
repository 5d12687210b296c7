namespace Lab.Workloads.Charts;

/// <summary>One data point of a line chart.</summary>
/// <param name="X">Horizontal value, e.g. the worker count.</param>
/// <param name="Y">Vertical value, e.g. seconds.</param>
public readonly record struct ChartPoint(double X, double Y);
