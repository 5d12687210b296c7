namespace Lab.Workloads.Charts;

/// <summary>How values map to positions along an axis.</summary>
public enum AxisScale
{
    /// <summary>Equal distances for equal differences.</summary>
    Linear,

    /// <summary>Equal distances for each doubling, which spreads worker counts 1, 2, 4, 8, 16 evenly.</summary>
    Log2,
}
