namespace Lab.Systematic.Strategies;

/// <summary>
/// Decides every nondeterministic choice of an iteration. One small interface so that a new strategy is one file;
/// the engine, not the strategy, checks that a choice is legal.
/// </summary>
public interface ISchedulingStrategy
{
    /// <summary>A short description with its parameters, written into traces and reports (e.g. "pct(depth=3)").</summary>
    string Description { get; }

    /// <summary>True when every schedule this strategy produces is fair, so a liveness violation it exposes is real.</summary>
    bool IsFair { get; }

    /// <summary>Prepares iteration <paramref name="iteration"/>; false when there is nothing left to explore.</summary>
    bool PrepareIteration(int iteration);

    /// <summary>
    /// Picks the operation that performs the next step. <paramref name="enabled"/> holds operation ids in creation
    /// order; <paramref name="current"/> is the id of the operation at the scheduling point, or -1 when it cannot go on.
    /// </summary>
    int NextOperation(IReadOnlyList<int> enabled, int current, int step);

    /// <summary>Resolves a controlled boolean choice (including "does this wait time out?").</summary>
    bool NextBoolean(int step);

    /// <summary>Resolves a controlled integer choice in [0, <paramref name="maxValue"/>).</summary>
    int NextInteger(int maxValue, int step);

    /// <summary>Tells the strategy how many steps the iteration took, so adaptive strategies (PCT) can size themselves.</summary>
    void CompleteIteration(int steps) { }
}
