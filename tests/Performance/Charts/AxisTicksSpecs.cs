using Lab.Workloads.Charts;

namespace Lab.Performance.Tests.Charts;

[TestFixture]
[Category("Workloads")]
public sealed class AxisTicksSpecs
{
    [TestCase(0.37, 0.5)]
    [TestCase(0.2, 0.2)]
    [TestCase(1.3, 2)]
    [TestCase(2.2, 2.5)]
    [TestCase(7, 10)]
    public void NiceStep_RoundsUpToOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen(double rough, double nice) =>
        Assert.That(AxisTicks.NiceStep(rough), Is.EqualTo(nice).Within(1e-12));

    [Test]
    public void Linear_FromZero_CoversTheMaximumWithRoundTicks() =>
        Assert.That(AxisTicks.Linear(0, 0.93, 6), Is.EqualTo(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }).Within(1e-12));

    [Test]
    public void PowersOfTwo_SpanTheWorkerCounts() =>
        Assert.That(AxisTicks.PowersOfTwo(1, 16), Is.EqualTo(new double[] { 1, 2, 4, 8, 16 }));
}
