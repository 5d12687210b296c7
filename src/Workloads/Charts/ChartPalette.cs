namespace Lab.Workloads.Charts;

/// <summary>The ten-colour qualitative palette of the classic matplotlib plots, so the charts look like the ones students know.</summary>
public static class ChartPalette
{
    private static readonly string[] Colours =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>The colour of the series at <paramref name="index"/>, cycling after ten.</summary>
    public static string ColourFor(int index) => Colours[index % Colours.Length];
}
