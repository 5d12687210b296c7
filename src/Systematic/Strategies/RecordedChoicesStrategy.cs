using Lab.Systematic.Traces;

namespace Lab.Systematic.Strategies;

/// <summary>
/// Leaves scheduling to an inner strategy but answers every data choice (<c>Choice</c>) as a recorded schedule did:
/// the k-th choice an operation makes gets the k-th value that operation chose in the recording (its smallest value
/// past the end, or when out of range). Shrinking a schedule this way changes only the interleaving, never the
/// inputs the bug needed.
/// </summary>
public sealed class RecordedChoicesStrategy : ISchedulingStrategy
{
    private readonly ISchedulingStrategy _scheduler;
    private readonly Dictionary<int, List<int>> _recorded = [];
    private readonly Dictionary<int, int> _used = [];
    private int _running;

    /// <summary>Takes the data choices of <paramref name="recording"/>; <paramref name="scheduler"/> makes every scheduling decision.</summary>
    public RecordedChoicesStrategy(IReadOnlyList<Decision> recording, ISchedulingStrategy scheduler)
    {
        _scheduler = scheduler;
        int running = 0;
        foreach (Decision decision in recording)
        {
            if (decision.Kind == DecisionKind.Operation)
            {
                running = decision.Value;
                continue;
            }
            if (!_recorded.TryGetValue(running, out List<int>? values)) _recorded[running] = values = [];
            values.Add(decision.Value);
        }
    }

    /// <inheritdoc />
    public string Description => $"recorded-choices({_scheduler.Description})";

    /// <inheritdoc />
    public bool IsFair => _scheduler.IsFair;

    /// <summary>Only the scheduling decisions of a recording, for a guide that an inner strategy follows.</summary>
    public static List<Decision> SchedulingDecisions(IEnumerable<Decision> recording) => recording.Where(d => d.Kind == DecisionKind.Operation).ToList();

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _used.Clear();
        _running = 0;
        return _scheduler.PrepareIteration(iteration);
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step) => _running = _scheduler.NextOperation(enabled, current, step);

    /// <inheritdoc />
    public bool NextBoolean(int step) => Next(2) == 1;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => Next(maxValue);

    /// <inheritdoc />
    public void CompleteIteration(int steps) => _scheduler.CompleteIteration(steps);

    private int Next(int maxValue)
    {
        int index = _used.GetValueOrDefault(_running);
        _used[_running] = index + 1;
        return _recorded.TryGetValue(_running, out List<int>? values) && index < values.Count && values[index] < maxValue ? values[index] : 0;
    }
}
