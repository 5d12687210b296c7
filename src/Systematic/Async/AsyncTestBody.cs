using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>An async test body as the "main" operation: it runs until its first suspension, then waits (controlled) for its task.</summary>
internal static class AsyncTestBody
{
    public static Action Of(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return () =>
        {
            Task task = body() ?? throw new InvalidOperationException("the async test body returned a null task");
            if (!task.IsCompleted && ControlledRuntime.Current is { } runtime && Interception.ObjectModels.Find<object>(runtime, task) is null)
            {
                throw runtime.Fail(new Detection.BugReport(Detection.BugKind.UncontrolledConcurrency,
                    "the async test body awaited something the engine does not control: an async body must be rewritten code " +
                    "(an async method of a rewritten assembly), so that its awaits are controlled.", "main"));
            }
            if (ControlledRuntime.CurrentOperation is { } main) SynchronizationContextModel.Pump(main.Runtime, main);
            Awaits.Wait(task, "await", Timeout.Infinite, "", 0);
            task.GetAwaiter().GetResult();
        };
    }
}
