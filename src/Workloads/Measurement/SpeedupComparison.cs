using System.Globalization;

namespace Lab.Workloads.Measurement;

/// <summary>A baseline and a candidate measured alternately in the same session, so drift in machine load affects both alike.</summary>
/// <param name="Baseline">The baseline runs, usually sequential.</param>
/// <param name="Candidate">The candidate runs, usually parallel.</param>
public sealed record SpeedupComparison(IReadOnlyList<RunMeasurement> Baseline, IReadOnlyList<RunMeasurement> Candidate)
{
    /// <summary>Median baseline wall time over median candidate wall time.</summary>
    public double Speedup => Median.Of(Baseline.Select(run => run.Wall)) / Median.Of(Candidate.Select(run => run.Wall));

    /// <summary>Median CPU-to-wall ratio of the candidate: how many cores it kept busy.</summary>
    public double CandidateCpuToWall => Median.Of(Candidate.Select(run => run.CpuToWall));

    /// <summary>Median CPU-to-wall ratio of the baseline.</summary>
    public double BaselineCpuToWall => Median.Of(Baseline.Select(run => run.CpuToWall));

    /// <summary>Runs each side once unmeasured (JIT, caches), then <paramref name="repetitions"/> times alternately.</summary>
    public static SpeedupComparison Measure(Func<RunMeasurement> baseline, Func<RunMeasurement> candidate, int repetitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        baseline();
        candidate();
        var baselineRuns = new List<RunMeasurement>(repetitions);
        var candidateRuns = new List<RunMeasurement>(repetitions);
        for (int repetition = 0; repetition < repetitions; repetition++)
        {
            baselineRuns.Add(baseline());
            candidateRuns.Add(candidate());
        }

        return new SpeedupComparison(baselineRuns, candidateRuns);
    }

    /// <summary>A one-line account of the medians and ratios, for test output and logs.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"baseline {Median.Of(Baseline.Select(run => run.Wall)).TotalMilliseconds:F1} ms (CPU/wall {BaselineCpuToWall:F2}), "
        + $"candidate {Median.Of(Candidate.Select(run => run.Wall)).TotalMilliseconds:F1} ms (CPU/wall {CandidateCpuToWall:F2}), "
        + $"speedup {Speedup:F2}, medians of {Candidate.Count} alternating runs");
}
