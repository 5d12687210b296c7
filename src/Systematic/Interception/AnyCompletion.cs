using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>What Task.WaitAny blocks on: the first of several operations to finish. Every unfinished one "holds" it.</summary>
internal sealed class AnyCompletion(TaskModel?[] models) : IWaitResource
{
    public string Name => $"any of {string.Join(", ", models.Select(m => m?.Name ?? "a completed task"))}";

    public IEnumerable<ControlledOperation> Holders =>
        models.Select(m => m?.Operation).OfType<ControlledOperation>().Where(o => o.Status != OperationStatus.Completed);

    public string DescribeState() => "to finish";

    /// <summary>The index of the first completed task, waiting (as a controlled wait) until there is one; -1 on time-out.</summary>
    public static int Wait(Task[] tasks, TaskModel?[] models, int millisecondsTimeout, string file, int line)
    {
        ControlledRuntime runtime = ControlledRuntime.Current!;
        ControlledOperation current = runtime.Enter("Task.WaitAny");
        runtime.SchedulingPoint(current);
        int FirstCompleted()
        {
            for (int i = 0; i < tasks.Length; i++)
            {
                if (models[i] is not { } model ? tasks[i].IsCompleted : model.IsComplete) return i;
            }
            return -1;
        }
        if (FirstCompleted() < 0 && millisecondsTimeout != 0)
        {
            runtime.Block(current, new AnyCompletion(models), "WaitAny", () => FirstCompleted() >= 0, timed: millisecondsTimeout != Timeout.Infinite);
        }
        int index = FirstCompleted();
        if (index >= 0 && models[index]?.Operation is { } finished) runtime.Races?.OnJoin(current, finished);
        if (index < 0) VirtualTime.Advance(millisecondsTimeout);
        runtime.Record(current, index >= 0 ? "WaitAny" : "WaitAny timed out", index >= 0 ? models[index]?.Name : null, file, line, index);
        return index;
    }
}
