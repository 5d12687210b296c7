namespace Lab.Systematic.Runtime;

/// <summary>The one wait pattern every blocking primitive shares.</summary>
internal sealed partial class ControlledRuntime
{
    /// <summary>
    /// Waits until <paramref name="canProceed"/> holds. A zero timeout never blocks; a finite one makes "time out"
    /// a choice of the strategy (the wait is enabled either way), never an infinite wait. Returns false on time-out.
    /// </summary>
    public bool WaitUntil(ControlledOperation operation, IWaitResource resource, string action, Func<bool> canProceed,
        int millisecondsTimeout, string file, int line)
    {
        bool timed = millisecondsTimeout > 0;
        if (canProceed()) return CountTimedWait(timed, file, line, timedOut: false);
        if (millisecondsTimeout == 0)
        {
            Record(operation, action + " failed", resource.Name, file, line);
            return false;
        }
        Record(operation, action + " blocks", resource.Name, file, line);
        if (Block(operation, resource, action, canProceed, timed)) return CountTimedWait(timed, file, line, timedOut: false);
        Record(operation, action + " timed out", resource.Name, file, line);
        return CountTimedWait(timed, file, line, timedOut: true);
    }

    /// <summary>Notes how a wait with a finite, non-zero timeout ended; returns whether it was satisfied.</summary>
    public bool CountTimedWait(bool timed, string file, int line, bool timedOut)
    {
        if (timed) TimedWaits.Add(new TimedWaitOutcome(file, line, timedOut));
        return !timedOut;
    }

    /// <summary>
    /// The controlled half of every signal wait (semaphore, events, countdown): a scheduling point, then
    /// <see cref="WaitUntil"/>; on success the waiter acquires what signallers released into <paramref name="clock"/>.
    /// </summary>
    public bool AwaitSignal(string primitive, IWaitResource resource, string action, Func<bool> canProceed, Detection.VectorClock clock,
        int millisecondsTimeout, string file, int line, out ControlledOperation operation)
    {
        operation = Enter(primitive);
        SchedulingPoint(operation);
        if (!WaitUntil(operation, resource, action, canProceed, millisecondsTimeout, file, line)) return false;
        Races?.Acquire(operation, clock);
        return true;
    }

    /// <summary>Converts a BCL-style TimeSpan timeout to milliseconds, rejecting what the BCL rejects.</summary>
    public static int ToMilliseconds(TimeSpan timeout)
    {
        double milliseconds = timeout.TotalMilliseconds;
        if (milliseconds < -1 || milliseconds > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(timeout));
        return (int)milliseconds;
    }

    /// <summary>Rejects a negative timeout other than Timeout.Infinite, as the BCL does.</summary>
    public static int CheckTimeout(int millisecondsTimeout) =>
        millisecondsTimeout >= -1 ? millisecondsTimeout : throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout));
}
