namespace Lab.Workloads.Charts;

/// <summary>Everything a line chart shows, independent of how it is drawn.</summary>
/// <param name="Title">The heading above the plot.</param>
/// <param name="XLabel">The horizontal axis label.</param>
/// <param name="YLabel">The vertical axis label.</param>
/// <param name="Series">The lines, one per series.</param>
/// <param name="XScale">Linear or doubling horizontal axis.</param>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series, AxisScale XScale = AxisScale.Linear);
