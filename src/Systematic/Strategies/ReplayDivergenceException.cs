namespace Lab.Systematic.Strategies;

/// <summary>Thrown when a replayed program no longer follows its trace; says at which decision and why.</summary>
public sealed class ReplayDivergenceException(int decisionIndex, string reason)
    : Exception($"replay diverged at decision {decisionIndex}: {reason}. The code changed since the trace was recorded, " +
                "or it depends on something uncontrolled; record a new trace by exploring again.")
{
    /// <summary>The index of the first decision that no longer matches.</summary>
    public int DecisionIndex { get; } = decisionIndex;
}
