namespace Lab.Systematic.Testing;

/// <summary>A progress snapshot for long explorations: iterations done out of the budget, and time spent.</summary>
public readonly record struct ExplorationProgress(int Iteration, int Budget, int DistinctSchedules, TimeSpan Elapsed);
