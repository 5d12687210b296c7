using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="Barrier"/>: inside an exploration a controlled phased barrier for the iteration.</summary>
[InterceptsType("System.Threading.Barrier")]
public static class BarrierStandIn
{
    /// <summary>Creates a barrier for <paramref name="participantCount"/> threads.</summary>
    public static Barrier New(int participantCount, string callerFile, int callerLine, string? resourceName) =>
        New(participantCount, null, callerFile, callerLine, resourceName);

    /// <summary>Creates a barrier whose post-phase action runs once per phase on the last arriving thread, with the real barrier.</summary>
    public static Barrier New(int participantCount, Action<Barrier>? postPhaseAction, string callerFile, int callerLine, string? resourceName)
    {
        var real = new Barrier(participantCount, postPhaseAction);
        if (ControlledRuntime.Current is { } runtime)
        {
            Action<Controlled.Barrier>? action = postPhaseAction is null ? null : _ => postPhaseAction(real);
            ObjectModels.Add(runtime, real, new Controlled.Barrier(participantCount, action, resourceName ?? "Barrier"));
        }
        return real;
    }

    /// <summary>Signals arrival and waits for the other participants.</summary>
    public static void SignalAndWait(Barrier barrier, string callerFile, int callerLine)
    {
        if (ModelOf(barrier, "Barrier.SignalAndWait") is { } model) model.SignalAndWait(callerFile, callerLine);
        else barrier.SignalAndWait();
    }

    /// <summary>Like SignalAndWait with a timeout; false (the arrival withdrawn) if it timed out, a choice under exploration.</summary>
    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ModelOf(barrier, "Barrier.SignalAndWait") is not { } model) return barrier.SignalAndWait(millisecondsTimeout);
        bool passed = model.SignalAndWait(millisecondsTimeout, callerFile, callerLine);
        if (!passed) VirtualTime.Advance(millisecondsTimeout);
        return passed;
    }

    /// <summary>Like SignalAndWait with a timeout.</summary>
    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout, string callerFile, int callerLine) =>
        ModelOf(barrier, "Barrier.SignalAndWait") is null
            ? barrier.SignalAndWait(timeout)
            : SignalAndWait(barrier, ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);

    /// <summary>Adds a participant; returns the phase number.</summary>
    public static long AddParticipant(Barrier barrier, string callerFile, int callerLine) =>
        ModelOf(barrier, "Barrier.AddParticipant") is { } model ? model.AddParticipant(callerFile, callerLine) : barrier.AddParticipant();

    /// <summary>Removes a participant; may complete the current phase.</summary>
    public static void RemoveParticipant(Barrier barrier, string callerFile, int callerLine)
    {
        if (ModelOf(barrier, "Barrier.RemoveParticipant") is { } model) model.RemoveParticipant(callerFile, callerLine);
        else barrier.RemoveParticipant();
    }

    /// <summary>The current phase number (not a scheduling point).</summary>
    public static long get_CurrentPhaseNumber(Barrier barrier, string callerFile, int callerLine) =>
        ModelOf(barrier, "Barrier.CurrentPhaseNumber") is { } model ? model.CurrentPhaseNumber : barrier.CurrentPhaseNumber;

    /// <summary>The number of participants (not a scheduling point).</summary>
    public static int get_ParticipantCount(Barrier barrier, string callerFile, int callerLine) =>
        ModelOf(barrier, "Barrier.ParticipantCount") is { } model ? model.ParticipantCount : barrier.ParticipantCount;

    /// <summary>Participants yet to signal in this phase (not a scheduling point).</summary>
    public static int get_ParticipantsRemaining(Barrier barrier, string callerFile, int callerLine) =>
        ModelOf(barrier, "Barrier.ParticipantsRemaining") is { } model ? model.ParticipantsRemaining : barrier.ParticipantsRemaining;

    private static Controlled.Barrier? ModelOf(Barrier barrier, string primitive) => ObjectModels.Of<Controlled.Barrier>(barrier, primitive);
}
