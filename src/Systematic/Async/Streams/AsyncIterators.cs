using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async.Streams;

/// <summary>
/// The controlled half of async streams. An async iterator's producer runs inside its consumer's MoveNextAsync until
/// it yields or suspends at an await; a suspended producer resumes as a controlled continuation, and the consumer's
/// await on the pending MoveNextAsync (a ValueTask backed by the iterator itself) is an await on the iterator's signal,
/// completed when the producer next yields, ends or throws.
/// </summary>
internal static class AsyncIterators
{
    /// <summary>The iterator whose producer runs inline on this thread (inside MoveNextAsync or DisposeAsync), innermost first.</summary>
    [ThreadStatic] private static AsyncIteratorModel? t_running;

    /// <summary>The model of <paramref name="iterator"/> in this iteration, made on first use.</summary>
    public static AsyncIteratorModel Of(ControlledRuntime runtime, object iterator)
    {
        if (ObjectModels.Find<AsyncIteratorModel>(runtime, iterator) is { } model) return model;
        model = new AsyncIteratorModel($"{Awaits.MethodName(iterator.GetType())} stream");
        ObjectModels.Add(runtime, iterator, model);
        return model;
    }

    /// <summary>The model of a ValueTask's source if it is an async iterator of this iteration.</summary>
    public static AsyncIteratorModel? Find(ControlledRuntime runtime, object source) => ObjectModels.Find<AsyncIteratorModel>(runtime, source);

    /// <summary>The producer of <paramref name="model"/> starts running inline (the builder's MoveNext): a yield on this thread is its. Returns the outer one.</summary>
    public static AsyncIteratorModel? EnterInline(AsyncIteratorModel model)
    {
        AsyncIteratorModel? outer = t_running;
        t_running = model;
        return outer;
    }

    /// <summary>The inline run ended (yield, suspension, end or exception): the outer iterator, if any, is running again.</summary>
    public static void ExitInline(AsyncIteratorModel? outer) => t_running = outer;

    /// <summary>
    /// The iterator whose producer is running: the one run inline on this thread, else the one whose continuation
    /// the current operation is. Null for a ManualResetValueTaskSourceCore that is not an async iterator's.
    /// </summary>
    public static AsyncIteratorModel? Running(ControlledRuntime runtime, ControlledOperation operation) =>
        t_running ?? ObjectModels.Find<AsyncIteratorModel>(runtime, operation);

    /// <summary>
    /// <c>await</c> on a ValueTask backed by an async iterator (MoveNextAsync, DisposeAsync): a done one is observed (the
    /// consumer sees what the producer did before yielding); a pending one is awaited through the iterator's signal.
    /// </summary>
    public static void Await(ControlledRuntime runtime, AsyncIteratorModel model, Func<bool> isCompleted, string file, int line, bool continueOnCapturedContext)
    {
        if (isCompleted())
        {
            Awaits.Await(Task.CompletedTask, file, line, continueOnCapturedContext);
            if (ControlledRuntime.CurrentOperation is { } consumer) runtime.Races?.Acquire(consumer, model.Completion);
            return;
        }
        Awaits.Await(model.SignalFor(runtime), file, line, continueOnCapturedContext);
    }
}
