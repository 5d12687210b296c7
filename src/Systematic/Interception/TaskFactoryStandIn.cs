using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="TaskFactory"/>.StartNew: inside an exploration the same controlled operation as Task.Run.</summary>
[InterceptsType("System.Threading.Tasks.TaskFactory")]
public static class TaskFactoryStandIn
{
    /// <summary>Starts <paramref name="action"/> (a real task outside an exploration).</summary>
    public static Task StartNew(TaskFactory factory, Action action, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ControlledRuntime.CurrentOperation is null ? factory.StartNew(action) : TaskModel.Run("TaskFactory.StartNew", action, action, callerFile, callerLine);
    }

    /// <summary>Starts <paramref name="function"/>; the task's Result is its value.</summary>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(function);
        return ControlledRuntime.CurrentOperation is null ? factory.StartNew(function) : TaskModel.Run("TaskFactory.StartNew", function, callerFile, callerLine);
    }
}
