using Lab.Systematic.Strategies;
using Lab.Systematic.Strategies.Dpor;

namespace Lab.Systematic.Tests.Strategies;

/// <summary>
/// The brute-force reference for DPOR's counts: plain DFS over every schedule, grouping the schedules by their
/// Mazurkiewicz trace (each thread's steps with their happens-before vector clocks), under the same dependency
/// relation DPOR uses; with a preemption bound, over the schedules within it.
/// </summary>
internal sealed class DporReference(int? preemptionBound = null) : ISchedulingStrategy, IStepObserver
{
    private readonly DfsStrategy _dfs = new(preemptionBound);
    private readonly ExecutionLog _log = new(new ResourceNames());
    private readonly HashSet<ulong> _traces = [];
    private bool _running;

    /// <summary>Distinct traces among the schedules run (call <see cref="Finish"/> after the exploration).</summary>
    public int Traces => _traces.Count;

    public bool Exhausted => _dfs.Exhausted;

    public string Description => "dfs-by-trace";

    public bool IsFair => false;

    public bool PrepareIteration(int iteration)
    {
        Finish();
        if (iteration == 0) _traces.Clear();
        _running = _dfs.PrepareIteration(iteration);
        if (_running) _log.Reset();
        return _running;
    }

    /// <summary>Counts the last schedule.</summary>
    public void Finish()
    {
        _log.Close();
        if (_running) _traces.Add(new HappensBefore(_log.Events, int.MaxValue).Fingerprint());
        _running = false;
    }

    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        int chosen = _dfs.NextOperation(enabled, current, step);
        _log.Begin(chosen, -1);
        return chosen;
    }

    public bool NextBoolean(int step) => _dfs.NextBoolean(step);

    public int NextInteger(int maxValue, int step) => _dfs.NextInteger(maxValue, step);

    void IStepObserver.OnCreated(int operation, string name) => _log.OnCreated(operation, name);

    void IStepObserver.OnStep(int operation, string action, string? resource, long? value) => _log.OnStep(action, resource, value);

    void IStepObserver.OnBlocked(int operation, string resource, bool timed) => _log.OnBlocked(operation, resource, timed);

    void IStepObserver.OnCompleted(int operation) => _log.OnCompleted(operation);

    void IStepObserver.OnStepBoundReached() => _log.Stop();
}
