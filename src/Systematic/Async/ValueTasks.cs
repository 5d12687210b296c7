using System.Reflection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// What a ValueTask stands for inside an exploration: the Task behind it (an async ValueTask method's box is one),
/// which is then awaited like any task. A ValueTask backed by some other IValueTaskSource is not controlled.
/// </summary>
internal static class ValueTasks
{
    private static readonly FieldInfo s_object = typeof(ValueTask).GetField("_obj", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new MissingFieldException("ValueTask._obj");

    /// <summary>The task behind a ValueTask's object, a completed one when it holds a result, null for another source.</summary>
    public static Task? TaskOf(object? valueTaskObject, bool isCompleted) => valueTaskObject switch
    {
        Task task => task,
        null => Task.CompletedTask,
        _ => isCompleted ? Task.CompletedTask : null,
    };

    /// <summary>The object a ValueTask wraps (null for one made from a result).</summary>
    public static object? ObjectOf(ValueTask valueTask) => s_object.GetValue(valueTask);

    /// <summary>The object a ValueTask&lt;TResult&gt; wraps (null for one made from a result).</summary>
    public static object? ObjectOf<TResult>(ValueTask<TResult> valueTask) => Field<TResult>.Object.GetValue(valueTask);

    /// <summary>
    /// <c>await valueTask</c>: awaits the task behind it, or an async iterator's MoveNextAsync/DisposeAsync through the
    /// iterator's signal; a pending one backed by another source is reported.
    /// </summary>
    public static void Await(object? valueTaskObject, Func<bool> isCompleted, string file, int line, bool continueOnCapturedContext = true)
    {
        if (ControlledRuntime.Current is not { } runtime) return;
        if (valueTaskObject is not (null or Task) && Streams.AsyncIterators.Find(runtime, valueTaskObject) is { } iterator)
        {
            Streams.AsyncIterators.Await(runtime, iterator, isCompleted, file, line, continueOnCapturedContext);
            return;
        }
        if (TaskOf(valueTaskObject, isCompleted()) is { } task)
        {
            Awaits.Await(task, file, line, continueOnCapturedContext);
            return;
        }
        ControlledOperation operation = runtime.Enter("await");
        string location = SourceLocation.Format(file, line);
        throw runtime.Fail(new Detection.BugReport(Detection.BugKind.UncontrolledConcurrency,
            $"await at {location} on a ValueTask backed by a {valueTaskObject!.GetType().Name} is not controlled: only ValueTasks of async methods, " +
            "of tasks and of async iterators are.", operation.Name, location));
    }

    private static class Field<TResult>
    {
        public static readonly FieldInfo Object = typeof(ValueTask<TResult>).GetField("_obj", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new MissingFieldException("ValueTask`1._obj");
    }
}
