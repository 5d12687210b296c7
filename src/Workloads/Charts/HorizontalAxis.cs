namespace Lab.Workloads.Charts;

/// <summary>A horizontal axis after scaling: its ticks, its ends in scaled units and the scaling function.</summary>
/// <param name="Ticks">Tick values in data units.</param>
/// <param name="Low">The left end, in scaled units.</param>
/// <param name="High">The right end, in scaled units.</param>
/// <param name="Position">Maps a data value to scaled units (identity or log2).</param>
internal sealed record HorizontalAxis(IReadOnlyList<double> Ticks, double Low, double High, Func<double, double> Position);
