namespace Lab.Workloads.Cpu;

/// <summary>Divides a total into contiguous parts whose sizes differ by at most one, the basis of static partitioning.</summary>
public static class EvenSplit
{
    /// <summary>The sizes of <paramref name="parts"/> parts of <paramref name="total"/>, larger parts first.</summary>
    public static IReadOnlyList<long> Sizes(long total, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        long quotient = Math.DivRem(total, parts, out long remainder);
        return Enumerable.Range(0, parts).Select(k => quotient + (k < remainder ? 1 : 0)).ToArray();
    }

    /// <summary>The half-open ranges <c>[start, end)</c> of <paramref name="parts"/> contiguous parts of <c>[0, total)</c>.</summary>
    public static IReadOnlyList<(long Start, long End)> Ranges(long total, int parts)
    {
        var sizes = Sizes(total, parts);
        var ranges = new (long Start, long End)[sizes.Count];
        long start = 0;
        for (int k = 0; k < sizes.Count; k++)
        {
            ranges[k] = (start, start + sizes[k]);
            start += sizes[k];
        }

        return ranges;
    }
}
