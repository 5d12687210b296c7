using Lab.Workloads.Analysis;

namespace Lab.Performance.Tests.Analysis;

[TestFixture]
[Category("Workloads")]
public sealed class AmdahlFitSpecs
{
    private static readonly int[] Processors = [1, 2, 4, 8, 16];

    [TestCase(0.9)]
    [TestCase(0.5)]
    [TestCase(0.99)]
    public void Fit_ExactAmdahlTimes_RecoversTheParallelFraction(double p)
    {
        AmdahlFit fit = AmdahlFit.Fit(Synthetic(p, oneProcessorSeconds: 10, noise: _ => 0));
        Assert.Multiple(() =>
        {
            Assert.That(fit.ParallelFraction, Is.EqualTo(p).Within(1e-9));
            Assert.That(fit.SerialSeconds + fit.ParallelSeconds, Is.EqualTo(10).Within(1e-9));
            Assert.That(fit.RootMeanSquareError, Is.LessThan(1e-9));
        });
    }

    [Test]
    public void Fit_TimesWithTwoPercentNoise_RecoversTheParallelFractionWithinTwoHundredths()
    {
        var random = new Random(20240601);
        AmdahlFit fit = AmdahlFit.Fit(Synthetic(0.75, oneProcessorSeconds: 4, noise: _ => (random.NextDouble() - 0.5) * 0.04));
        Assert.That(fit.ParallelFraction, Is.EqualTo(0.75).Within(0.02));
    }

    [Test]
    public void Fit_TimesThatDoNotShrink_GiveNoParallelism_AndASpeedupCeilingOfOne()
    {
        AmdahlFit fit = AmdahlFit.Fit(Processors.Select(n => new ScalingPoint(n, 2.0)).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(fit.ParallelFraction, Is.EqualTo(0).Within(1e-12));
            Assert.That(fit.SpeedupCeiling, Is.EqualTo(1).Within(1e-12));
        });
    }

    [Test]
    public void SpeedupCeiling_IsOneOverTheSerialFraction() =>
        Assert.That(AmdahlFit.Fit(Synthetic(0.9, 1, _ => 0)).SpeedupCeiling, Is.EqualTo(10).Within(1e-6));

    [Test]
    public void PredictSeconds_ReproducesTheFittedCurve() =>
        Assert.That(AmdahlFit.Fit(Synthetic(0.8, 5, _ => 0)).PredictSeconds(4), Is.EqualTo(5 * (0.2 + (0.8 / 4))).Within(1e-9));

    [Test]
    public void Fit_WithOnlyOneProcessorCount_ExplainsWhyItCannotFit() =>
        Assert.That(
            () => AmdahlFit.Fit([new ScalingPoint(2, 1.0), new ScalingPoint(2, 1.1)]),
            Throws.ArgumentException.With.Message.Contains("at least two different processor counts"));

    private static ScalingPoint[] Synthetic(double p, double oneProcessorSeconds, Func<int, double> noise) => Processors
        .Select(n => new ScalingPoint(n, oneProcessorSeconds * ((1 - p) + (p / n)) * (1 + noise(n))))
        .ToArray();
}
