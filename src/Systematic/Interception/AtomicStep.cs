using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// The visible step every atomic stand-in (Interlocked, Volatile, barriers) takes inside an exploration: a scheduling
/// point before the real atomic instruction, a synchronising access for the race detector, and a step recorded after
/// it with the value it produced. Outside an exploration <see cref="Begin"/> returns null and nothing else happens.
/// </summary>
internal static class AtomicStep
{
    /// <summary>The calling operation after its scheduling point, or null outside an exploration.</summary>
    public static ControlledOperation? Begin()
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return null;
        ControlledRuntime runtime = operation.Runtime;
        ControlledRuntime.ThrowIfCanceled(runtime);
        runtime.SchedulingPoint(operation);
        runtime.Races?.Atomic(operation);
        return operation;
    }

    /// <summary>Records the step (after the real instruction ran, so the value is the one it produced).</summary>
    public static void End(ControlledOperation operation, string action, string? resource, string file, int line, long? value = null) =>
        operation.Runtime.Record(operation, action, resource, file, line, value);
}
