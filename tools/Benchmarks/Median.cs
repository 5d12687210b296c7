namespace Lab.Benchmarks;

/// <summary>Medians of repeated rounds: one noisy round cannot move them.</summary>
internal static class Median
{
    public static double Of(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
