using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// Task.WhenAll and Task.WhenAny inside an exploration: an operation blocked until all (or one) of the tasks are done,
/// which then completes the combined task, so the combined task is completed by controlled code like any other.
/// </summary>
internal static class TaskCombinators
{
    /// <summary>Task.WhenAll: done when every task is; faults with every task's exceptions, as the real one does.</summary>
    public static Task<TResult> WhenAll<TResult>(Task[] tasks, Func<Task, TResult> result, string file, int line) =>
        Start("Task.WhenAll", tasks, all: true, () =>
        {
            Task done = Task.WhenAll(tasks);
            return done.IsCompleted ? done : throw new InvalidOperationException("Task.WhenAll did not complete with every task done");
        }, result, file, line);

    /// <summary>Task.WhenAny: done when one task is; its result is the first done task in the order given.</summary>
    public static Task<Task> WhenAny(Task[] tasks, string file, int line) =>
        Start("Task.WhenAny", tasks, all: false, () => Task.FromResult(Array.Find(tasks, t => t.IsCompleted)!), done => ((Task<Task>)done).Result, file, line);

    private static Task<TResult> Start<TResult>(string primitive, Task[] tasks, bool all, Func<Task> combine, Func<Task, TResult> result, string file, int line)
    {
        ControlledRuntime runtime = ControlledRuntime.Current!;
        ControlledOperation caller = runtime.Enter(primitive);
        if (tasks.Length == 0 && !all) throw new ArgumentException("The tasks argument contains no tasks.", nameof(tasks));
        var inputs = new List<IWaitResource>();
        foreach (Task task in tasks) inputs.Add(Awaits.ResourceOf(runtime, caller, task ?? throw new ArgumentException("The tasks argument included a null value.", nameof(tasks)), primitive, file, line));
        var completion = new TaskCompletionSource<TResult>();
        var model = new AwaitedTask(completion.Task, $"{primitive}({string.Join(", ", inputs.Select(i => i.Name))})");
        ObjectModels.Add(runtime, completion.Task, model);
        bool Ready() => all ? Array.TrueForAll(tasks, t => t.IsCompleted) : Array.Exists(tasks, t => t.IsCompleted);
        ControlledOperation combinator = runtime.CreateOperation(() =>
        {
            ControlledOperation self = runtime.Enter(primitive);
            self.Unblock();
            foreach (Task task in tasks)
            {
                if (task.IsCompleted) Awaits.Observe(runtime, self, task, observesOutcome: all);
            }
            Task done = combine();
            runtime.Record(self, "done", model.Name, file, line);
            Awaits.Completing(completion.Task);
            if (done.IsFaulted)
            {
                completion.SetException(done.Exception!.InnerExceptions);
                TaskObservations.Faulted(completion.Task, model.Name, done.Exception.InnerException!);
            }
            else if (done.IsCanceled) completion.SetCanceled();
            else completion.SetResult(result(done));
        }, primitive, caller);
        if (!Ready()) combinator.BlockOn(new Inputs(model.Name, inputs), primitive, Ready, timed: false);
        model.Carrier = combinator;
        runtime.Record(caller, "Start", combinator.Name, file, line);
        return completion.Task;
    }

    /// <summary>What a combinator waits for: its tasks, held by whoever will complete them.</summary>
    private sealed class Inputs(string name, List<IWaitResource> inputs) : IWaitResource
    {
        public string Name => name;

        public IEnumerable<ControlledOperation> Holders => inputs.SelectMany(i => i.Holders);

        public string DescribeState() => "its tasks to complete";
    }
}
