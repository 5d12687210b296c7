using Lab.Systematic.Async;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// What Task.WaitAny blocks on: the first of several tasks to finish, whether Task.Run's, an async method's or a
/// TaskCompletionSource's. Whatever would complete an unfinished one "holds" it.
/// </summary>
internal sealed class AnyCompletion(IWaitResource?[] resources) : IWaitResource
{
    public string Name => $"any of {string.Join(", ", resources.Select(r => r?.Name ?? "a completed task"))}";

    public IEnumerable<ControlledOperation> Holders => resources.OfType<IWaitResource>().SelectMany(r => r.Holders).Distinct();

    public string DescribeState() => "to finish";

    /// <summary>The index of the first completed task, waiting (as a controlled wait) until there is one; -1 on time-out.</summary>
    public static int Wait(Task[] tasks, int millisecondsTimeout, string file, int line)
    {
        ControlledRuntime runtime = ControlledRuntime.Current!;
        ControlledOperation current = runtime.Enter("Task.WaitAny");
        runtime.SchedulingPoint(current);
        var resources = new IWaitResource?[tasks.Length];
        for (int i = 0; i < tasks.Length; i++)
        {
            Task task = tasks[i] ?? throw new ArgumentException("The tasks array included at least one null element.", nameof(tasks));
            // A done task the exploration never modelled (Task.CompletedTask) is used as it is.
            bool unmodelledDone = task.IsCompleted && ObjectModels.Find<object>(runtime, task) is null;
            resources[i] = unmodelledDone ? null : Awaits.ResourceOf(runtime, current, task, "Task.WaitAny", file, line);
        }
        int FirstCompleted()
        {
            for (int i = 0; i < tasks.Length; i++)
            {
                if (resources[i] is TaskModel model ? model.IsComplete : tasks[i].IsCompleted) return i;
            }
            return -1;
        }
        if (FirstCompleted() < 0 && millisecondsTimeout != 0)
        {
            runtime.Block(current, new AnyCompletion(resources), "WaitAny", () => FirstCompleted() >= 0, timed: millisecondsTimeout != Timeout.Infinite);
        }
        int index = FirstCompleted();
        // WaitAny returns an index, not an outcome: the winner's fault is not observed by it, only its completion.
        if (index >= 0) Awaits.Observe(runtime, current, tasks[index], observesOutcome: false);
        else VirtualTime.Advance(millisecondsTimeout);
        runtime.Record(current, index >= 0 ? "WaitAny" : "WaitAny timed out", index >= 0 ? resources[index]?.Name : null, file, line, index);
        return index;
    }
}
