using System.Runtime.CompilerServices;
using Lab.Systematic.Async;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for <c>await</c> on a <see cref="ValueTask"/>: the task behind it is awaited as a controlled await.</summary>
[InterceptsType("System.Threading.Tasks.ValueTask")]
public static class ValueTaskStandIn
{
    /// <summary><c>await valueTask</c>: a scheduling point that reads whether it is done; if not, the method suspends.</summary>
    public static ValueTaskAwaiter GetAwaiter(ref ValueTask valueTask, string callerFile, int callerLine)
    {
        ValueTasks.Await(ValueTasks.ObjectOf(valueTask), IsCompleted(valueTask), callerFile, callerLine);
        return valueTask.GetAwaiter();
    }

    /// <summary><c>await valueTask.ConfigureAwait(...)</c>: the same as await under the engine.</summary>
    public static ConfiguredValueTaskAwaitable ConfigureAwait(ref ValueTask valueTask, bool continueOnCapturedContext, string callerFile, int callerLine)
    {
        ValueTasks.Await(ValueTasks.ObjectOf(valueTask), IsCompleted(valueTask), callerFile, callerLine, continueOnCapturedContext);
        return valueTask.ConfigureAwait(continueOnCapturedContext);
    }

    /// <summary>Whether the ValueTask is done when asked (an async iterator's may complete while its consumer reaches the await).</summary>
    private static Func<bool> IsCompleted(ValueTask valueTask) => () => valueTask.IsCompleted;
}

/// <summary>Stands in for <c>await</c> on a <see cref="ValueTask{TResult}"/>; see <see cref="ValueTaskStandIn"/>.</summary>
[InterceptsType("System.Threading.Tasks.ValueTask`1")]
public static class ValueTaskOfResultStandIn
{
    /// <summary><c>await valueTask</c>: a scheduling point that reads whether it is done; if not, the method suspends.</summary>
    public static ValueTaskAwaiter<TResult> GetAwaiter<TResult>(ref ValueTask<TResult> valueTask, string callerFile, int callerLine)
    {
        ValueTasks.Await(ValueTasks.ObjectOf(valueTask), IsCompleted(valueTask), callerFile, callerLine);
        return valueTask.GetAwaiter();
    }

    /// <summary><c>await valueTask.ConfigureAwait(...)</c>: the same as await under the engine.</summary>
    public static ConfiguredValueTaskAwaitable<TResult> ConfigureAwait<TResult>(ref ValueTask<TResult> valueTask, bool continueOnCapturedContext, string callerFile, int callerLine)
    {
        ValueTasks.Await(ValueTasks.ObjectOf(valueTask), IsCompleted(valueTask), callerFile, callerLine, continueOnCapturedContext);
        return valueTask.ConfigureAwait(continueOnCapturedContext);
    }

    /// <summary>Whether the ValueTask is done when asked (an async iterator's may complete while its consumer reaches the await).</summary>
    private static Func<bool> IsCompleted<TResult>(ValueTask<TResult> valueTask) => () => valueTask.IsCompleted;
}
