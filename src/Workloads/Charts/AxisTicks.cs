namespace Lab.Workloads.Charts;

/// <summary>Chooses round tick values for an axis, so labels read 0, 0.5, 1.0 rather than 0, 0.4713, 0.9426.</summary>
public static class AxisTicks
{
    /// <summary>Round ticks from 0 (or below <paramref name="min"/>) up to at least <paramref name="max"/>, about <paramref name="targetCount"/> of them.</summary>
    public static IReadOnlyList<double> Linear(double min, double max, int targetCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCount, 2);
        if (!(max > min))
        {
            max = min + 1;
        }

        double step = NiceStep((max - min) / (targetCount - 1));
        double first = Math.Floor(min / step) * step;
        double last = Math.Ceiling(max / step) * step;
        int count = (int)Math.Round((last - first) / step) + 1;
        return Enumerable.Range(0, count).Select(k => Math.Round(first + (k * step), 12)).ToArray();
    }

    /// <summary>The powers of two from the one at or below <paramref name="min"/> to the one at or above <paramref name="max"/>.</summary>
    public static IReadOnlyList<double> PowersOfTwo(double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, 0);
        int low = (int)Math.Floor(Math.Log2(min));
        int high = Math.Max(low + 1, (int)Math.Ceiling(Math.Log2(max)));
        return Enumerable.Range(low, high - low + 1).Select(exponent => Math.Pow(2, exponent)).ToArray();
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 times a power of ten that is at least <paramref name="roughStep"/>.</summary>
    public static double NiceStep(double roughStep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(roughStep, 0);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(roughStep)));
        double[] multiples = [1, 2, 2.5, 5, 10];
        return multiples.Select(multiple => multiple * magnitude).First(step => step >= roughStep * (1 - 1e-9));
    }
}
