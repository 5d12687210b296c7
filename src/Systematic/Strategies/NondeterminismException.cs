namespace Lab.Systematic.Strategies;

/// <summary>Thrown when the same choices no longer lead to the same program state: something escapes control.</summary>
public sealed class NondeterminismException(string message) : Exception(message);
