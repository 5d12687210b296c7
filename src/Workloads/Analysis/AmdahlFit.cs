namespace Lab.Workloads.Analysis;

/// <summary>
/// Amdahl's law fitted to measured times, T(n) = S + P/n, by least squares in 1/n. The parallel fraction p = P/(S+P)
/// summarises a whole scaling curve in one number and predicts the speedup ceiling 1/(1-p).
/// </summary>
/// <param name="SerialSeconds">S: the part of the time no number of processors shortens (negative fits are possible on noisy data).</param>
/// <param name="ParallelSeconds">P: the part of the time that divides among processors (negative when adding workers slows things down).</param>
/// <param name="RootMeanSquareError">How far the measured points lie from the fitted curve, in seconds.</param>
public sealed record AmdahlFit(double SerialSeconds, double ParallelSeconds, double RootMeanSquareError)
{
    /// <summary>The fitted p = P/(S+P) clamped to [0, 1]: 0 means no parallelism (a GIL), 1 means perfect scaling.</summary>
    public double ParallelFraction => Math.Clamp(UnclampedParallelFraction, 0, 1);

    /// <summary>P/(S+P) as fitted, which leaves [0, 1] when adding workers hurts or the curve is superlinear.</summary>
    public double UnclampedParallelFraction => ParallelSeconds / (SerialSeconds + ParallelSeconds);

    /// <summary>The speedup the fit predicts with infinitely many processors, 1/(1-p).</summary>
    public double SpeedupCeiling => ParallelFraction >= 1 ? double.PositiveInfinity : 1 / (1 - ParallelFraction);

    /// <summary>The wall time the fit predicts for <paramref name="processors"/> processors.</summary>
    public double PredictSeconds(double processors) => SerialSeconds + (ParallelSeconds / processors);

    /// <summary>Fits S and P to at least two points with different processor counts.</summary>
    public static AmdahlFit Fit(IReadOnlyList<ScalingPoint> points)
    {
        if (points.Select(point => point.Processors).Distinct().Count() < 2)
        {
            throw new ArgumentException("Fitting Amdahl's law needs points for at least two different processor counts.", nameof(points));
        }

        if (points.Any(point => point.Processors <= 0))
        {
            throw new ArgumentException("Processor counts must be positive.", nameof(points));
        }

        double[] x = points.Select(point => 1 / point.Processors).ToArray();
        double[] y = points.Select(point => point.Seconds).ToArray();
        double meanX = x.Average();
        double meanY = y.Average();
        double covariance = x.Zip(y, (xi, yi) => (xi - meanX) * (yi - meanY)).Sum();
        double variance = x.Sum(xi => (xi - meanX) * (xi - meanX));
        double parallel = covariance / variance;
        double serial = meanY - (parallel * meanX);
        double rmse = Math.Sqrt(x.Zip(y, (xi, yi) => Math.Pow(serial + (parallel * xi) - yi, 2)).Average());
        return new AmdahlFit(serial, parallel, rmse);
    }
}
