using Lab.Workloads.Measurement;

namespace Lab.Performance.Tests.Support;

/// <summary>How many cores this process could get just before and just after a measurement.</summary>
/// <param name="Before">Capacity measured before.</param>
/// <param name="After">Capacity measured after.</param>
internal sealed record CapacityWindow(double Before, double After)
{
    /// <summary>The worse of the two.</summary>
    public double Lowest => Math.Min(Before, After);

    /// <summary>Measures capacity for <paramref name="threads"/> threads around <paramref name="measure"/>.</summary>
    public static (T Result, CapacityWindow Capacity) Around<T>(int threads, Func<T> measure)
    {
        double before = ParallelCapacity.Measure(threads);
        T result = measure();
        double after = ParallelCapacity.Measure(threads);
        var window = new CapacityWindow(before, after);
        TestContext.Out.WriteLine($"Cores available to this process for {threads} threads: {before:F2} before, {after:F2} after.");
        return (result, window);
    }
}
