using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>
/// A phased barrier used like <see cref="System.Threading.Barrier"/>: a phase ends when every participant has
/// signalled; the post-phase action runs once per phase on the last arriving thread.
/// </summary>
public sealed class Barrier : IWaitResource, IDisposable
{
    private readonly ControlledRuntime? _runtime;
    private readonly System.Threading.Barrier? _real;
    private readonly VectorClock _arrivals = new();
    private readonly VectorClock _departures = new();
    private readonly Action<Barrier>? _postPhaseAction;
    private int _participants;
    private int _arrived;
    private long _phase;

    /// <summary>Creates a barrier for <paramref name="participantCount"/> threads.</summary>
    public Barrier(int participantCount, Action<Barrier>? postPhaseAction = null, string? name = null)
    {
        if (participantCount < 0 || participantCount > short.MaxValue) throw new ArgumentOutOfRangeException(nameof(participantCount));
        Name = name ?? "barrier";
        _participants = participantCount;
        _postPhaseAction = postPhaseAction;
        _runtime = ControlledRuntime.Current;
        if (_runtime is null) _real = new System.Threading.Barrier(participantCount, postPhaseAction is null ? null : _ => postPhaseAction(this));
        else _runtime.Register(this);
    }

    /// <summary>The name shown in traces and deadlock reports.</summary>
    public string Name { get; }

    /// <summary>The number of the current phase, from 0 (not a scheduling point).</summary>
    public long CurrentPhaseNumber => _real?.CurrentPhaseNumber ?? _phase;

    /// <summary>The number of participants (not a scheduling point).</summary>
    public int ParticipantCount => _real?.ParticipantCount ?? _participants;

    /// <summary>Participants that have not yet signalled in the current phase (not a scheduling point).</summary>
    public int ParticipantsRemaining => _real?.ParticipantsRemaining ?? _participants - _arrived;

    /// <summary>Signals arrival and waits for the others; throws InvalidOperationException if more threads arrive than participate.</summary>
    public void SignalAndWait([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => SignalAndWaitCore(Timeout.Infinite, file, line);

    /// <summary>Like <see cref="SignalAndWait(string, int)"/> with a timeout; false if it timed out (the arrival is withdrawn).</summary>
    public bool SignalAndWait(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        SignalAndWaitCore(ControlledRuntime.CheckTimeout(millisecondsTimeout), file, line);

    /// <summary>Adds a participant to the current phase and returns the phase number.</summary>
    public long AddParticipant([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => ChangeParticipants(+1, file, line);

    /// <summary>Removes a participant; may complete the current phase.</summary>
    public void RemoveParticipant([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) => ChangeParticipants(-1, file, line);

    /// <summary>Releases the real barrier outside an exploration.</summary>
    public void Dispose() => _real?.Dispose();

    private bool SignalAndWaitCore(int millisecondsTimeout, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("Barrier.SignalAndWait");
            return _real!.SignalAndWait(millisecondsTimeout);
        }
        ControlledOperation operation = _runtime.Enter("Barrier.SignalAndWait");
        _runtime.SchedulingPoint(operation);
        if (_arrived >= _participants)
        {
            throw new InvalidOperationException("The number of threads using the barrier exceeded the total number of registered participants.");
        }
        long phase = _phase;
        _runtime.Races?.Release(operation, _arrivals);
        _arrived++;
        _runtime.Record(operation, "SignalAndWait", Name, file, line, phase);
        if (_arrived == _participants)
        {
            FinishPhase(operation);
        }
        else if (!_runtime.WaitUntil(operation, this, "SignalAndWait", () => _phase != phase, millisecondsTimeout, file, line))
        {
            _arrived--;
            return false;
        }
        _runtime.Races?.Acquire(operation, _departures);
        _runtime.Record(operation, "passed", Name, file, line, phase);
        return true;
    }

    /// <summary>
    /// Runs on the last arriver: it sees every participant's work of the phase, runs the post-phase action, and
    /// releases all of it (the action's effects included) to the departing participants.
    /// </summary>
    private void FinishPhase(ControlledOperation last)
    {
        _runtime!.Races?.Acquire(last, _arrivals);
        _postPhaseAction?.Invoke(this);
        _runtime.Races?.Release(last, _departures);
        _arrived = 0;
        _phase++;
    }

    private long ChangeParticipants(int delta, string file, int line)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("Barrier participants");
            if (delta > 0) return _real!.AddParticipant();
            _real!.RemoveParticipant();
            return _real.CurrentPhaseNumber;
        }
        ControlledOperation operation = _runtime.Enter("Barrier participants");
        _runtime.SchedulingPoint(operation);
        if (delta < 0 && (_participants == 0 || _arrived >= _participants))
        {
            throw new InvalidOperationException("The participant count cannot be decremented below the number of threads waiting at the barrier.");
        }
        _participants += delta;
        _runtime.Record(operation, delta > 0 ? "AddParticipant" : "RemoveParticipant", Name, file, line, _participants);
        if (_participants > 0 && _arrived == _participants) FinishPhase(operation);
        return _phase;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => [];

    string IWaitResource.DescribeState() => $"phase {_phase}, {_arrived} of {_participants} arrived";
}
