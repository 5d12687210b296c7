using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Systematic.Runtime;

/// <summary>Liveness: hot monitors judged on fair schedules, and the fairness witness that backs every liveness report.</summary>
internal sealed partial class ControlledRuntime
{
    private readonly List<LivenessMonitor> _monitors;
    private int _livenessDeadline = int.MaxValue;
    private int _maxFairnessGap;

    /// <summary>The number of scheduling decisions made so far in this iteration.</summary>
    public int CurrentStep => _step;

    public void Register(LivenessMonitor monitor) => _monitors.Add(monitor);

    /// <summary>A monitor turned hot or cold: recompute the one step at which the decision loop must look at monitors.</summary>
    public void OnTemperatureChanged()
    {
        _livenessDeadline = int.MaxValue;
        if (!_fair) return;
        foreach (LivenessMonitor monitor in _monitors)
        {
            if (monitor.HotSince is { } since) _livenessDeadline = Math.Min(_livenessDeadline, since + _options.LivenessBound);
        }
    }

    /// <summary>Reports a bypass-bound violation (starvation) found by a <see cref="BoundedBypassMonitor"/>, only on fair schedules.</summary>
    public void ReportBypass(string message)
    {
        if (_fair) throw Fail(LivenessReport(BugKind.Starvation, message));
    }

    private bool CheckLiveness()
    {
        foreach (LivenessMonitor monitor in _monitors)
        {
            if (monitor.HotSince is { } since && _step - since > _options.LivenessBound)
            {
                ReportBug(LivenessReport(monitor.Kind,
                    $"'{monitor.Name}' stayed hot for {_step - since} steps (bound {_options.LivenessBound}) on a fair schedule"));
                return true;
            }
        }
        OnTemperatureChanged();
        return false;
    }

    /// <summary>At normal termination a monitor that is still hot is a liveness bug under any strategy.</summary>
    private BugReport? HotAtTermination()
    {
        LivenessMonitor? hot = HottestMonitor();
        return hot is null ? null : new BugReport(hot.Kind,
            $"'{hot.Name}' was still hot when every thread had finished: the awaited event never happened");
    }

    private LivenessMonitor? HottestMonitor()
    {
        LivenessMonitor? hottest = null;
        foreach (LivenessMonitor monitor in _monitors)
        {
            if (monitor.HotSince is { } since && (hottest is null || since < hottest.HotSince)) hottest = monitor;
        }
        return hottest;
    }

    private string DescribeHotMonitors()
    {
        var hot = _monitors.Where(m => m.HotSince is not null).Select(m => $"'{m.Name}' hot since step {m.HotSince}").ToList();
        return hot.Count == 0 ? "" : " (" + string.Join(", ", hot) + ")";
    }

    private void TrackFairness(int chosen)
    {
        foreach (ControlledOperation operation in _operations)
        {
            if (operation.Id == chosen || !_enabled.Contains(operation.Id))
            {
                operation.SkippedWhileEnabled = 0;
                continue;
            }
            operation.SkippedWhileEnabled++;
            _maxFairnessGap = Math.Max(_maxFairnessGap, operation.SkippedWhileEnabled);
        }
    }

    private BugReport LivenessReport(BugKind kind, string message) => new(kind,
        $"{message}. Fair witness: every enabled operation was scheduled at least once in every {_maxFairnessGap + 1} " +
        $"consecutive steps ({_step} steps in all), so no thread was starved by the scheduler");
}
