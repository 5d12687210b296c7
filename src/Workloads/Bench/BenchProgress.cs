namespace Lab.Workloads.Bench;

/// <summary>A progress report for a bench run: how many steps are done and what is running now.</summary>
/// <param name="Completed">Steps finished so far.</param>
/// <param name="Total">Steps in the whole run.</param>
/// <param name="Activity">What the current step measures, e.g. "cpu-cosine / threads / 4 workers".</param>
public sealed record BenchProgress(int Completed, int Total, string Activity);
