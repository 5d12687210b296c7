using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// Faulted tasks of the iteration and whether anything observed them (await, Wait, Result, WhenAll). A task that
/// faulted and was never observed when the program ends lost its exception: that is reported, naming the task and
/// the line that threw. Reading <c>Task.Exception</c> observes it, as in .NET; <c>IsFaulted</c> does not.
/// </summary>
internal sealed class TaskObservations
{
    private static readonly object s_key = new();

    private readonly List<(Task Task, string Name, Exception Exception, string Operation)> _faulted = [];
    private readonly HashSet<Task> _observed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Notes that controlled code faulted <paramref name="task"/> (called where the exception is set).</summary>
    public static void Faulted(Task task, string name, Exception exception)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation || exception is ExecutionCanceledException or OperationCanceledException) return;
        TaskObservations observations = Of(operation.Runtime);
        if (observations._faulted.Count == 0) operation.Runtime.AtTermination(observations.FirstUnobserved);
        observations._faulted.Add((task, name, exception, operation.Name));
    }

    /// <summary>Notes that <paramref name="task"/>'s outcome reached someone.</summary>
    public static void Observed(ControlledRuntime runtime, Task task)
    {
        if (task.IsFaulted) Of(runtime)._observed.Add(task);
    }

    private static TaskObservations Of(ControlledRuntime runtime)
    {
        if (ObjectModels.Find<TaskObservations>(runtime, s_key) is { } observations) return observations;
        observations = new TaskObservations();
        ObjectModels.Add(runtime, s_key, observations);
        return observations;
    }

    private BugReport? FirstUnobserved()
    {
        foreach ((Task task, string name, Exception exception, string operation) in _faulted)
        {
            if (!task.IsFaulted || _observed.Contains(task)) continue;
            string location = SourceLocation.Of(exception) ?? "?";
            return new BugReport(BugKind.UnhandledException,
                $"unobserved task exception: task {name} faulted with {exception.GetType().FullName} at {location} ({exception.Message}) and nothing " +
                "awaited it, waited for it or read its result, so the exception is lost. Await the task (or WhenAll), or handle the exception inside it.",
                operation, location, exception.ToString());
        }
        return null;
    }
}
