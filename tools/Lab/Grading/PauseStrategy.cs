using Lab.Systematic.Strategies;

namespace Lab.Cli.Grading;

/// <summary>
/// The independence probe's schedule: "main" starts both probe threads, the paused thread runs alone for
/// <c>pauseAfter</c> decisions and stops there, then the running thread (and any thread but the paused one) runs alone
/// until its call returns, blocks, or has run <c>spinLimit</c> steps; after that the paused thread may go on, so the
/// iteration ends normally. Deterministic: one schedule per pause point.
/// </summary>
/// <param name="paused">The id of the operation held at its pause point.</param>
/// <param name="running">The id of the operation that must finish meanwhile.</param>
/// <param name="pauseAfter">How many times the paused operation is scheduled before it stops (int.MaxValue: to its end).</param>
/// <param name="runningFinished">True once the running operation's call has returned.</param>
/// <param name="spinLimit">Steps the running side may take alone before it counts as spinning on the paused one.</param>
public sealed class PauseStrategy(int paused, int running, int pauseAfter, Func<bool> runningFinished, int spinLimit) : ISchedulingStrategy
{
    private const int Main = 0;
    private bool _started;
    private bool _released;
    private int _runningSteps;

    /// <summary>How many times the paused operation was scheduled before the pause (all of them when it was never paused).</summary>
    public int PausedSteps { get; private set; }

    /// <summary>True when the running call could not go on while the other was paused: every other thread was blocked.</summary>
    public bool Blocked { get; private set; }

    /// <summary>True when the running side took <c>spinLimit</c> steps without its call returning: it spins waiting.</summary>
    public bool Spun { get; private set; }

    /// <inheritdoc />
    public string Description => pauseAfter == int.MaxValue ? $"pause(T{paused} never)" : $"pause(T{paused} after {pauseAfter})";

    /// <inheritdoc />
    public bool IsFair => false;

    /// <inheritdoc />
    public bool PrepareIteration(int iteration)
    {
        _started = _released = Blocked = Spun = false;
        _runningSteps = PausedSteps = 0;
        return iteration == 0;
    }

    /// <inheritdoc />
    public int NextOperation(IReadOnlyList<int> enabled, int current, int step)
    {
        _started |= enabled.Contains(paused) && enabled.Contains(running);
        if (!_started) return enabled.Contains(Main) ? Main : enabled[0];
        if (!_released && PausedSteps < pauseAfter && enabled.Contains(paused))
        {
            PausedSteps++;
            return paused;
        }
        if (!_released && !runningFinished())
        {
            int other = enabled.Contains(running) ? running : enabled.FirstOrDefault(id => id != paused && id != Main, -1);
            if (other < 0) Blocked = _released = true;
            else if (++_runningSteps > spinLimit) Spun = _released = true;
            else return other;
        }
        _released = true;
        return enabled.Contains(paused) ? paused : enabled[0];
    }

    /// <inheritdoc />
    public bool NextBoolean(int step) => false;

    /// <inheritdoc />
    public int NextInteger(int maxValue, int step) => 0;
}
