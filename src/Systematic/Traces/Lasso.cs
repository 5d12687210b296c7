namespace Lab.Systematic.Traces;

/// <summary>
/// A liveness witness's shape: steps [0, <see cref="Start"/>) lead into a cycle of <see cref="Period"/> steps that
/// repeats to the end of the trace (and, on a fair schedule, would repeat forever).
/// </summary>
public sealed record Lasso(int Start, int Period);
