using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="Parallel"/>. Inside an exploration a loop runs on up to <see cref="Workers"/> controlled
/// operations that take the next index in turn (the way the real loop shares out work), the caller waits for them,
/// and exceptions end the loop and come back as one AggregateException. Invoke runs each action as an operation.
/// </summary>
[InterceptsType("System.Threading.Tasks.Parallel")]
public static class ParallelStandIn
{
    /// <summary>
    /// How many operations a loop runs on: enough for any two, three or four bodies to overlap, few enough that the
    /// schedule space stays explorable. A bug that needs five bodies at once is out of reach.
    /// </summary>
    public const int Workers = 4;

    /// <summary>Runs <paramref name="body"/> for each index in [from, to).</summary>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, Action<int> body, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (ControlledRuntime.CurrentOperation is null) return Parallel.For(fromInclusive, toExclusive, body);
        int count = Math.Max(0, toExclusive - fromInclusive);
        RunLoop("Parallel.For", count, i => body(fromInclusive + i), body, callerFile, callerLine);
        return Completed();
    }

    /// <summary>Runs <paramref name="body"/> for each index in [from, to).</summary>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, Action<long> body, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (ControlledRuntime.CurrentOperation is null) return Parallel.For(fromInclusive, toExclusive, body);
        int count = checked((int)Math.Max(0, toExclusive - fromInclusive));
        RunLoop("Parallel.For", count, i => body(fromInclusive + i), body, callerFile, callerLine);
        return Completed();
    }

    /// <summary>Runs <paramref name="body"/> for each element (the source is enumerated first, on the caller).</summary>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource> body, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        if (ControlledRuntime.CurrentOperation is null) return Parallel.ForEach(source, body);
        TSource[] items = source.ToArray();
        RunLoop("Parallel.ForEach", items.Length, i => body(items[i]), body, callerFile, callerLine);
        return Completed();
    }

    /// <summary>Runs every action, each as its own operation, and waits for all of them.</summary>
    public static void Invoke(Action[] actions, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (ControlledRuntime.CurrentOperation is null)
        {
            Parallel.Invoke(actions);
            return;
        }
        if (Array.IndexOf(actions, null) >= 0) throw new ArgumentException("One of the actions was null.", nameof(actions));
        var failures = new List<Exception>();
        ControlledRuntime runtime = ControlledRuntime.Current!;
        ControlledOperation caller = runtime.Enter("Parallel.Invoke");
        var workers = new OperationCompletion[actions.Length];
        for (int i = 0; i < actions.Length; i++)
        {
            Action action = actions[i];
            workers[i] = new OperationCompletion(OperationCompletion.Start(runtime, caller, () => Guarded(action, failures), OperationNames.Of(action), callerFile, callerLine));
        }
        Finish(runtime, workers, failures, "Parallel.Invoke", callerFile, callerLine);
    }

    /// <summary>Starts the workers, which share the indices [0, count) in turn, and waits for them.</summary>
    private static void RunLoop(string primitive, int count, Action<int> body, Delegate named, string file, int line)
    {
        if (count == 0) return;
        ControlledRuntime runtime = ControlledRuntime.Current!;
        ControlledOperation caller = runtime.Enter(primitive);
        var failures = new List<Exception>();
        int next = 0;
        void Work()
        {
            // Taking an index is not a scheduling point: only the operation holding the baton runs, so it is atomic.
            while (failures.Count == 0 && next < count)
            {
                int index = next++;
                Guarded(() => body(index), failures);
            }
        }
        var workers = new OperationCompletion[Math.Min(count, Workers)];
        string? name = OperationNames.Of(named);
        for (int i = 0; i < workers.Length; i++) workers[i] = new OperationCompletion(OperationCompletion.Start(runtime, caller, Work, name, file, line));
        Finish(runtime, workers, failures, primitive, file, line);
    }

    private static void Guarded(Action action, List<Exception> failures)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is not ExecutionCanceledException)
        {
            failures.Add(exception);
        }
    }

    private static void Finish(ControlledRuntime runtime, OperationCompletion[] workers, List<Exception> failures, string primitive, string file, int line)
    {
        foreach (OperationCompletion worker in workers) worker.Join(runtime, primitive, Timeout.Infinite, file, line);
        if (failures.Count > 0) throw new AggregateException(failures);
    }

    /// <summary>A completed loop result (its constructor is internal): the one an empty real loop returns.</summary>
    private static ParallelLoopResult Completed() => Parallel.For(0, 0, static _ => { });
}
