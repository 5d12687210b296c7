using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="Thread"/>. Inside an exploration a Thread object is a real, never started thread (one the runtime keeps for reuse),
/// mapped to a controlled operation named after <see cref="Thread.Name"/> (if set before Start) or the method it runs;
/// Sleep, Yield and SpinWait are scheduling points, and ManagedThreadId is the operation's id + 1 (main is 1), so runs
/// repeat exactly. Outside an exploration every member is the real one.
/// </summary>
[InterceptsType("System.Threading.Thread")]
public static class ThreadStandIn
{
    /// <summary>Creates a thread that runs <paramref name="start"/>.</summary>
    public static Thread New(ThreadStart start, string callerFile, int callerLine) =>
        ControlledRuntime.Current is { } runtime ? Track(runtime, start) : new Thread(start);

    /// <summary>Creates a thread with a stack size (ignored inside an exploration).</summary>
    public static Thread New(ThreadStart start, int maxStackSize, string callerFile, int callerLine) =>
        ControlledRuntime.Current is { } runtime ? Track(runtime, start) : new Thread(start, maxStackSize);

    /// <summary>Creates a thread that runs <paramref name="start"/> with the argument given to Start.</summary>
    public static Thread New(ParameterizedThreadStart start, string callerFile, int callerLine) =>
        ControlledRuntime.Current is { } runtime ? Track(runtime, start) : new Thread(start);

    /// <summary>Creates a thread with a parameter and a stack size (ignored inside an exploration).</summary>
    public static Thread New(ParameterizedThreadStart start, int maxStackSize, string callerFile, int callerLine) =>
        ControlledRuntime.Current is { } runtime ? Track(runtime, start) : new Thread(start, maxStackSize);

    /// <summary>Starts the thread: inside an exploration, creates its operation (not a scheduling point).</summary>
    public static void Start(Thread thread, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<ThreadModel>(thread, "Thread.Start") is not { } model)
        {
            thread.Start();
            return;
        }
        model.Start(ControlledRuntime.Current!, parameter: null, parameterized: false, callerFile, callerLine);
    }

    /// <summary>Starts the thread with an argument for its ParameterizedThreadStart.</summary>
    public static void Start(Thread thread, object? parameter, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<ThreadModel>(thread, "Thread.Start") is not { } model)
        {
            thread.Start(parameter);
            return;
        }
        model.Start(ControlledRuntime.Current!, parameter, parameterized: true, callerFile, callerLine);
    }

    /// <summary>Blocks until the thread finishes.</summary>
    public static void Join(Thread thread, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<ThreadModel>(thread, "Thread.Join") is not { } model)
        {
            thread.Join();
            return;
        }
        model.Join(ControlledRuntime.Current!, "Thread.Join", Timeout.Infinite, callerFile, callerLine);
    }

    /// <summary>Blocks until the thread finishes or the timeout elapses; under exploration timing out is a choice.</summary>
    public static bool Join(Thread thread, int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<ThreadModel>(thread, "Thread.Join") is not { } model) return thread.Join(millisecondsTimeout);
        return model.Join(ControlledRuntime.Current!, "Thread.Join", ControlledRuntime.CheckTimeout(millisecondsTimeout), callerFile, callerLine);
    }

    /// <summary>Blocks until the thread finishes or the timeout elapses.</summary>
    public static bool Join(Thread thread, TimeSpan timeout, string callerFile, int callerLine)
    {
        if (ObjectModels.Of<ThreadModel>(thread, "Thread.Join") is not { } model) return thread.Join(timeout);
        return model.Join(ControlledRuntime.Current!, "Thread.Join", ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);
    }

    /// <summary>Sleeps for real outside an exploration; inside one it is a scheduling point that advances virtual time.</summary>
    public static void Sleep(int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is null)
        {
            Thread.Sleep(millisecondsTimeout);
            return;
        }
        ControlledRuntime.CheckTimeout(millisecondsTimeout);
        ControlledOperation operation = Point("Thread.Sleep");
        VirtualTime.Advance(millisecondsTimeout);
        operation.Runtime.Record(operation, "Sleep", null, callerFile, callerLine, millisecondsTimeout);
    }

    /// <summary>Sleeps for <paramref name="timeout"/>; see <see cref="Sleep(int, string, int)"/>.</summary>
    public static void Sleep(TimeSpan timeout, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is null)
        {
            Thread.Sleep(timeout);
            return;
        }
        Sleep(ControlledRuntime.ToMilliseconds(timeout), callerFile, callerLine);
    }

    /// <summary>Offers the processor to another thread: a scheduling point inside an exploration.</summary>
    public static bool Yield(string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is null) return Thread.Yield();
        ControlledOperation operation = Point("Thread.Yield");
        operation.Runtime.Record(operation, "Yield", null, callerFile, callerLine);
        return true;
    }

    /// <summary>Spins for real outside an exploration; inside one it is a scheduling point, so a spin loop lets others run.</summary>
    public static void SpinWait(int iterations, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is null)
        {
            Thread.SpinWait(iterations);
            return;
        }
        ControlledOperation operation = Point("Thread.SpinWait");
        operation.Runtime.Record(operation, "SpinWait", null, callerFile, callerLine);
    }

    /// <summary>A full fence; a scheduling point and a synchronising access inside an exploration.</summary>
    public static void MemoryBarrier(string callerFile, int callerLine)
    {
        if (AtomicStep.Begin() is { } operation) AtomicStep.End(operation, "Thread.MemoryBarrier", null, callerFile, callerLine);
        Thread.MemoryBarrier();
    }

    /// <summary>The thread object of the caller: inside an exploration, the Thread that started the operation (or one made for it).</summary>
    public static Thread get_CurrentThread(string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return Thread.CurrentThread;
        return ModelOf(operation).Real;
    }

    /// <summary>Whether the thread has started and not finished.</summary>
    public static bool get_IsAlive(Thread thread, string callerFile, int callerLine) =>
        ObjectModels.Of<ThreadModel>(thread, "Thread.IsAlive") is { } model ? model.IsAlive : thread.IsAlive;

    /// <summary>The thread's name (the real property: inside an exploration, the name given before Start).</summary>
    public static string? get_Name(Thread thread, string callerFile, int callerLine) => thread.Name;

    /// <summary>Names the thread; set before Start, the name is also its operation's name in traces.</summary>
    public static void set_Name(Thread thread, string? value, string callerFile, int callerLine) => thread.Name = value;

    /// <summary>The thread's id: inside an exploration, its operation's id + 1 (deterministic); the real id while unstarted.</summary>
    public static int get_ManagedThreadId(Thread thread, string callerFile, int callerLine)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return thread.ManagedThreadId;
        return ObjectModels.Find<ThreadModel>(operation.Runtime, thread)?.Operation is { } target ? target.Id + 1 : thread.ManagedThreadId;
    }

    /// <summary>Whether the thread is a background thread (the real property; no meaning inside an exploration).</summary>
    public static bool get_IsBackground(Thread thread, string callerFile, int callerLine) => thread.IsBackground;

    /// <summary>Marks the thread as background (the real property; inside an exploration every operation is waited for).</summary>
    public static void set_IsBackground(Thread thread, bool value, string callerFile, int callerLine) => thread.IsBackground = value;

    /// <summary>Inside an exploration: a spare Thread object of the runtime, mapped to a model that holds the body.</summary>
    private static Thread Track(ControlledRuntime runtime, Delegate start)
    {
        Thread thread = runtime.RentThreadObject();
        ObjectModels.Add(runtime, thread, new ThreadModel(thread, start));
        return thread;
    }

    /// <summary>The model of the operation's thread, made on first request for operations not started as a Thread.</summary>
    private static ThreadModel ModelOf(ControlledOperation operation)
    {
        ControlledRuntime runtime = operation.Runtime;
        if (ObjectModels.Find<ThreadModel>(runtime, operation) is { } model) return model;
        var placeholder = new Thread(static () => { }) { Name = operation.Name };
        model = new ThreadModel(placeholder, start: null, operation);
        ObjectModels.Add(runtime, placeholder, model);
        ObjectModels.Add(runtime, operation, model);
        return model;
    }

    /// <summary>A scheduling point of the calling operation (inside an exploration).</summary>
    private static ControlledOperation Point(string primitive)
    {
        ControlledRuntime runtime = ControlledRuntime.Current!;
        ControlledOperation operation = runtime.Enter(primitive);
        runtime.SchedulingPoint(operation);
        return operation;
    }
}
