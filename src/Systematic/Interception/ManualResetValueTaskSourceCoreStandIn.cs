using System.Threading.Tasks.Sources;
using Lab.Systematic.Async.Streams;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for the completions of <see cref="ManualResetValueTaskSourceCore{TResult}"/>, which an async iterator
/// uses for its MoveNextAsync and DisposeAsync: inside an exploration a yield, the end of the stream or an exception
/// of an async iterator is a step that lets its consumer's pending await resume. Other uses of the core are left as
/// they are (an await on such a ValueTask is reported as not controlled).
/// </summary>
[InterceptsType("System.Threading.Tasks.Sources.ManualResetValueTaskSourceCore`1")]
public static class ManualResetValueTaskSourceCoreStandIn
{
    /// <summary>An async iterator yields (true) or ends (false): its consumer sees the item, and what came before it.</summary>
    public static void SetResult<TResult>(ref ManualResetValueTaskSourceCore<TResult> core, TResult result, string callerFile, int callerLine)
    {
        core.SetResult(result);
        // The compiler completes every yield in one shared tail whose line is the iterator's closing brace: a yield has no line of its own.
        if (result is false) Completed("end", callerFile, callerLine);
        else Completed("yield", "", 0);
    }

    /// <summary>An async iterator threw: its consumer's pending await resumes to rethrow it.</summary>
    public static void SetException<TResult>(ref ManualResetValueTaskSourceCore<TResult> core, Exception error, string callerFile, int callerLine)
    {
        core.SetException(error);
        Completed("throw", callerFile, callerLine);
    }

    private static void Completed(string action, string file, int line)
    {
        if (ControlledRuntime.CurrentOperation is not { } producer || AsyncIterators.Running(producer.Runtime, producer) is not { } model) return;
        model.Completed(producer.Runtime, producer);
        producer.Runtime.Record(producer, action, model.Name, file, line);
    }
}
