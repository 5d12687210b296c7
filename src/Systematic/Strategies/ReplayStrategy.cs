using Lab.Systematic.Traces;

namespace Lab.Systematic.Strategies;

/// <summary>
/// Replays the decisions of a recorded trace. It never improvises: a decision the program asks for that the trace
/// cannot answer is a divergence, reported with the step at which the program and the trace parted.
/// </summary>
public sealed class ReplayStrategy(IReadOnlyList<Decision> decisions, string recordedStrategy) : ISchedulingStrategy
{
    private int _position;

    /// <inheritdoc />
    public string Description => $"replay({recordedStrategy})";

    /// <inheritdoc />
    public bool IsFair => recordedStrategy.Contains("fair", StringComparison.Ordinal);

    /// <summary>How many recorded decisions have been consumed.</summary>
    public int Position => _position;

    /// <summary>True once every recorded decision has been consumed.</summary>
    public bool Completed => _position == decisions.Count;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _position = 0;
        return iteration == 0;
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        Decision decision = Take(DecisionKind.Operation);
        if (!enabled.Contains(decision.Value))
        {
            throw new ReplayDivergenceException(_position - 1,
                $"the trace schedules operation #{decision.Value}, which is not enabled here (enabled: {string.Join(", ", enabled.Select(id => "#" + id))})");
        }
        return decision.Value;
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => Take(DecisionKind.Boolean).Value != 0;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step)
    {
        Decision decision = Take(DecisionKind.Integer);
        if (decision.Value >= maxValue)
        {
            throw new ReplayDivergenceException(_position - 1,
                $"the trace chooses {decision.Value} but the program now asks for a value below {maxValue}");
        }
        return decision.Value;
    }

    private Decision Take(DecisionKind kind)
    {
        if (_position >= decisions.Count)
        {
            throw new ReplayDivergenceException(_position,
                $"the program asks for a {Describe(kind)} after the trace's last decision: it runs longer than when the trace was recorded");
        }
        Decision decision = decisions[_position++];
        if (decision.Kind != kind)
        {
            throw new ReplayDivergenceException(_position - 1,
                $"the program asks for a {Describe(kind)} where the trace recorded a {Describe(decision.Kind)}");
        }
        return decision;
    }

    private static string Describe(DecisionKind kind) => kind switch
    {
        DecisionKind.Operation => "scheduling decision",
        DecisionKind.Boolean => "boolean choice",
        _ => "integer choice",
    };
}
