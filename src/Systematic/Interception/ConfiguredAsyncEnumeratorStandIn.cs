using System.Reflection;
using System.Runtime.CompilerServices;
using Lab.Systematic.Async;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for the enumerator of <c>await foreach (... in stream.WithCancellation(token).ConfigureAwait(false))</c>:
/// its MoveNextAsync and DisposeAsync are awaited like the stream's own (the await is taken where the ValueTask is
/// configured, as for <c>valueTask.ConfigureAwait</c>).
/// </summary>
[InterceptsType("System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable`1/Enumerator")]
public static class ConfiguredAsyncEnumeratorStandIn
{
    /// <summary>The next item: an await on the stream's MoveNextAsync.</summary>
    public static ConfiguredValueTaskAwaitable<bool> MoveNextAsync<T>(ref ConfiguredCancelableAsyncEnumerable<T>.Enumerator enumerator, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is null) return enumerator.MoveNextAsync();
        (IAsyncEnumerator<T> inner, bool continueOnCapturedContext) = Fields<T>.Of(enumerator);
        ValueTask<bool> next = inner.MoveNextAsync();
        ValueTasks.Await(ValueTasks.ObjectOf(next), () => next.IsCompleted, callerFile, callerLine, continueOnCapturedContext);
        return next.ConfigureAwait(continueOnCapturedContext);
    }

    /// <summary>The end of the loop: an await on the stream's DisposeAsync.</summary>
    public static ConfiguredValueTaskAwaitable DisposeAsync<T>(ref ConfiguredCancelableAsyncEnumerable<T>.Enumerator enumerator, string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is null) return enumerator.DisposeAsync();
        (IAsyncEnumerator<T> inner, bool continueOnCapturedContext) = Fields<T>.Of(enumerator);
        ValueTask disposed = inner.DisposeAsync();
        ValueTasks.Await(ValueTasks.ObjectOf(disposed), () => disposed.IsCompleted, callerFile, callerLine, continueOnCapturedContext);
        return disposed.ConfigureAwait(continueOnCapturedContext);
    }

    private static class Fields<T>
    {
        private static readonly FieldInfo s_enumerator = Field("_enumerator");
        private static readonly FieldInfo s_continueOnCapturedContext = Field("_continueOnCapturedContext");

        public static (IAsyncEnumerator<T> Enumerator, bool ContinueOnCapturedContext) Of(ConfiguredCancelableAsyncEnumerable<T>.Enumerator enumerator)
        {
            object boxed = enumerator;
            return ((IAsyncEnumerator<T>)s_enumerator.GetValue(boxed)!, (bool)s_continueOnCapturedContext.GetValue(boxed)!);
        }

        private static FieldInfo Field(string name) => typeof(ConfiguredCancelableAsyncEnumerable<T>.Enumerator).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new MissingFieldException($"ConfiguredCancelableAsyncEnumerable`1.Enumerator.{name}");
    }
}
