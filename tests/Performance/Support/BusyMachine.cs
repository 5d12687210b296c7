using Lab.Workloads.Measurement;

namespace Lab.Performance.Tests.Support;

/// <summary>
/// On a shared machine a neighbour can take a core mid-test, which distorts speedups either way. A missed expectation is
/// excused (Inconclusive) only with evidence that the process could not get the cores it assumes: too little capacity just
/// before or after, or a sequential baseline that got less than 90% of one core. A met expectation, or a miss on a free
/// machine, counts.
/// </summary>
internal static class BusyMachine
{
    /// <summary>The share of p that must be available before a miss is blamed on the code.</summary>
    public const double RequiredShare = 0.9;

    /// <summary>Marks the test Inconclusive if <paramref name="expectationMet"/> is false and the machine was demonstrably busy.</summary>
    public static void ExcuseMissOnlyIfBusy(bool expectationMet, CapacityWindow capacity, SpeedupComparison comparison, int parallelism)
    {
        if (expectationMet)
        {
            return;
        }

        if (capacity.Lowest < RequiredShare * parallelism)
        {
            Assert.Inconclusive(
                $"Expectation missed, but only {capacity.Lowest:F2} of the {parallelism} cores it assumes were available "
                + "(another process was using the CPU), so this run cannot judge it.");
        }

        if (comparison.BaselineCpuToWall < RequiredShare)
        {
            Assert.Inconclusive(
                $"Expectation missed, but the single-threaded baseline got only {comparison.BaselineCpuToWall:F2} of a core "
                + "(another process was using the CPU), so this run cannot judge it.");
        }
    }
}
