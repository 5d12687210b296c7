namespace Lab.Workloads.Charts;

/// <summary>One line of a chart: a named series of points drawn in order.</summary>
/// <param name="Name">The legend label.</param>
/// <param name="Points">The points, in drawing order.</param>
/// <param name="Dashed">Draw dashed, for reference lines such as a sequential baseline.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Dashed = false);
