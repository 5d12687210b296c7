using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// Task.Delay on virtual time: each delay is a timer operation that completes the delay's task when the strategy runs
/// it, moving the iteration's clock to its due time. Timers fire in due order (a later one waits for every earlier
/// one), but when a timer fires relative to other work is the strategy's choice, as a real scheduler's would be.
/// </summary>
internal sealed class DelayTimers
{
    private static readonly object s_key = new();

    private readonly List<long> _due = [];

    /// <summary>Starts a timer for <paramref name="milliseconds"/> of virtual time and returns the task it completes.</summary>
    public static Task Start(ControlledRuntime runtime, int milliseconds, string file, int line, string action = "Delay", Action? onElapsed = null)
    {
        ControlledOperation caller = runtime.Enter("Task.Delay");
        runtime.Record(caller, action, null, file, line, milliseconds);
        if (milliseconds == 0) return Task.CompletedTask;
        var completion = new TaskCompletionSource();
        var model = new AwaitedTask(completion.Task, milliseconds < 0 ? "Task.Delay(infinite)" : $"Task.Delay({milliseconds})");
        ObjectModels.Add(runtime, completion.Task, model);
        if (milliseconds < 0) return completion.Task;
        DelayTimers timers = Of(runtime);
        long due = VirtualTime.Of(runtime).Elapsed + milliseconds * TimeSpan.TicksPerMillisecond;
        timers._due.Add(due);
        bool IsNext() => timers._due.TrueForAll(d => d >= due);
        ControlledOperation timer = runtime.CreateOperation(() => timers.Fire(runtime, model, completion, due, file, line, onElapsed), onElapsed is null ? "Task.Delay" : "timer", caller);
        if (!IsNext()) timer.BlockOn(model, "elapse", IsNext, timed: false);
        model.Carrier = timer;
        return completion.Task;
    }

    private static DelayTimers Of(ControlledRuntime runtime)
    {
        if (ObjectModels.Find<DelayTimers>(runtime, s_key) is { } timers) return timers;
        timers = new DelayTimers();
        ObjectModels.Add(runtime, s_key, timers);
        return timers;
    }

    private void Fire(ControlledRuntime runtime, AwaitedTask model, TaskCompletionSource completion, long due, string file, int line, Action? onElapsed)
    {
        ControlledOperation self = runtime.Enter("Task.Delay");
        self.Unblock();
        _due.Remove(due);
        VirtualTime.Advance(TimeSpan.FromTicks(due - VirtualTime.Of(runtime).Elapsed));
        runtime.Record(self, "elapsed", model.Name, file, line);
        onElapsed?.Invoke();
        Awaits.Completing(completion.Task);
        completion.SetResult();
    }
}
