using Lab.Workloads.Measurement;

namespace Lab.Performance.Tests.Support;

/// <summary>Writes measured comparisons to the test output, so every run documents what it saw.</summary>
internal static class ComparisonLog
{
    /// <summary>Prints a comparison under a label.</summary>
    public static void Print(string label, SpeedupComparison comparison) =>
        TestContext.Out.WriteLine($"{label}: {comparison.Describe()}");
}
