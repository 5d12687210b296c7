using System.Runtime.CompilerServices;
using Lab.Systematic.Interception;

namespace Lab.Cli.Exercises.Async;

/// <summary>
/// Drives async code from grading code, which is not rewritten: a loader whose task is a controlled Task.Run, and
/// controlled waits for a call's task, through the engine's own stand-ins (what a rewritten caller would call).
/// </summary>
public static class AsyncCalls
{
    /// <summary>A task that runs <paramref name="body"/> as a controlled operation, so awaiting it is a real suspension the engine schedules.</summary>
    public static Task<string> Run(Func<string> body, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        TaskStandIn.Run(body, file, line);

    /// <summary>
    /// Waits (a controlled wait) until <paramref name="task"/> is done and returns it; a failure is observed, not thrown,
    /// so the oracle can read it from the task (<see cref="Outcome"/>).
    /// </summary>
    public static Task<string> Settle(Task<string> task, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        try
        {
            TaskStandIn.Wait(task, file, line);
        }
        catch (AggregateException) when (task.IsFaulted || task.IsCanceled)
        {
            // The failure is the call's outcome; Outcome reads it from the task.
        }
        // The task is done: this is the read an await makes, so a failure counts as observed even when the async
        // method faulted before it ever suspended (a wait then finds no model of its task to mark).
        TaskOfResultStandIn.GetAwaiter(task, file, line);
        return task;
    }

    /// <summary>What a done call returned, or "failed: message" when its task faulted.</summary>
    public static string Outcome(Task<string> done) => done.Status switch
    {
        TaskStatus.RanToCompletion => done.Result,
        TaskStatus.Faulted => $"failed: {done.Exception!.InnerException?.Message}",
        _ => $"{done.Status}",
    };
}
