namespace Lab.Workloads.Measurement;

/// <summary>The median, the summary that one slow run (a page fault, a noisy neighbour) cannot drag.</summary>
public static class Median
{
    /// <summary>The median of <paramref name="values"/>; the mean of the middle two for an even count.</summary>
    public static double Of(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static TimeSpan Of(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)Of(values.Select(value => (double)value.Ticks)));
}
