using Lab.Systematic.Traces;

namespace Lab.Systematic.Strategies;

/// <summary>
/// Follows recorded decisions while they still apply to the program (the recorded operation is enabled, the
/// recorded value is in range), then hands every later decision to a fallback strategy. Used to replay a regression
/// corpus against changed code (grading) and to try shortened schedules (minimisation).
/// </summary>
public sealed class GuidedStrategy(IReadOnlyList<Decision> guide, ISchedulingStrategy fallback) : ISchedulingStrategy
{
    private int _position;
    private bool _following = true;

    /// <inheritdoc />
    public string Description => $"guided({fallback.Description})";

    /// <inheritdoc />
    public bool IsFair => fallback.IsFair;

    /// <summary>How many recorded decisions were followed before the program left the guide (or all of them).</summary>
    public int Followed => _position;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _position = 0;
        _following = true;
        return fallback.PrepareIteration(iteration);
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        if (Peek(DecisionKind.Operation) is { } recorded && enabled.Contains(recorded)) return Take(recorded);
        return Leave().NextOperation(enabled, current, step);
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => Peek(DecisionKind.Boolean) is { } recorded ? Take(recorded) != 0 : Leave().NextBoolean(step);

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) =>
        Peek(DecisionKind.Integer) is { } recorded && recorded < maxValue ? Take(recorded) : Leave().NextInteger(maxValue, step);

    /// <inheritdoc />
    public void CompleteIteration(int steps) => fallback.CompleteIteration(steps);

    private int? Peek(DecisionKind kind) =>
        _following && _position < guide.Count && guide[_position].Kind == kind ? guide[_position].Value : null;

    private int Take(int value)
    {
        _position++;
        return value;
    }

    private ISchedulingStrategy Leave()
    {
        _following = false;
        return fallback;
    }
}
