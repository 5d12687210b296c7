using System.Runtime.CompilerServices;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>
/// A thread whose every step the exploration schedules; used like <see cref="System.Threading.Thread"/>. Outside an
/// exploration it is a real background thread, so the same code also runs for real; there, unlike a bare thread, an
/// exception that ends it is rethrown by <see cref="Join(string, int)"/> instead of terminating the process, so stress runs can count it.
/// </summary>
public sealed class ControlledThread
{
    private readonly Action _body;
    private readonly string? _name;
    private ControlledOperation? _operation;
    private ThreadCompletion? _completion;
    private Thread? _real;
    private Exception? _realFailure;

    /// <summary>Creates an unstarted thread; <paramref name="name"/> appears in traces (default "T1", "T2", ... by creation order).</summary>
    public ControlledThread(Action body, string? name = null)
    {
        _body = body ?? throw new ArgumentNullException(nameof(body));
        _name = name;
    }

    /// <summary>The name shown in traces and reports.</summary>
    public string Name => _operation?.Name ?? _name ?? _real?.Name ?? "unstarted thread";


    /// <summary>Starts the thread. Not a scheduling point: the new thread's first step is chosen by a later decision.</summary>
    public void Start([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_operation is not null || _real is not null) throw new ThreadStateException("Thread is running or terminated; it cannot restart.");
        ControlledRuntime? runtime = ControlledRuntime.Current;
        if (runtime is null)
        {
            _real = new Thread(RunReal) { IsBackground = true, Name = _name };
            _real.Start();
            return;
        }
        ControlledOperation parent = runtime.Enter("ControlledThread.Start");
        _operation = runtime.CreateOperation(_body, _name, parent);
        runtime.Record(parent, "Start", _operation.Name, file, line);
    }

    /// <summary>Blocks until the thread has finished.</summary>
    public void Join([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        JoinCore(timed: false, file, line);

    /// <summary>Blocks until the thread has finished or the timeout elapses; under exploration the timeout is a choice.</summary>
    public bool Join(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (millisecondsTimeout < -1) throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout));
        if (_real is not null && !_real.Join(millisecondsTimeout)) return false;
        return JoinCore(timed: millisecondsTimeout != Timeout.Infinite, file, line);
    }

    /// <summary>Offers the processor to another thread: a scheduling point.</summary>
    public static void Yield([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            Thread.Yield();
            return;
        }
        ControlledOperation operation = runtime.Enter("ControlledThread.Yield");
        runtime.SchedulingPoint(operation);
        runtime.Record(operation, "Yield", null, file, line);
    }

    /// <summary>Sleeps for real outside an exploration; inside one it is a scheduling point and takes no time.</summary>
    public static void Sleep(int millisecondsTimeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (ControlledRuntime.Current is not { } runtime)
        {
            Thread.Sleep(millisecondsTimeout);
            return;
        }
        ControlledOperation operation = runtime.Enter("ControlledThread.Sleep");
        runtime.SchedulingPoint(operation);
        runtime.Record(operation, "Sleep", null, file, line, millisecondsTimeout);
    }

    private bool JoinCore(bool timed, string file, int line)
    {
        if (_real is not null)
        {
            _real.Join();
            if (_realFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_realFailure);
            return true;
        }
        if (_operation is null) throw new ThreadStateException("Thread has not been started.");
        ControlledRuntime runtime = _operation.Runtime;
        ControlledOperation current = runtime.Enter("ControlledThread.Join");
        runtime.SchedulingPoint(current);
        ControlledOperation target = _operation;
        bool joined = target.Status == OperationStatus.Completed
            || runtime.Block(current, _completion ??= new ThreadCompletion(target), "Join", _completion.IsComplete, timed);
        runtime.CountTimedWait(timed, file, line, timedOut: !joined);
        if (joined) runtime.Races?.OnJoin(current, target);
        runtime.Record(current, joined ? "Join" : "Join timed out", target.Name, file, line);
        return joined;
    }

    private void RunReal()
    {
        try
        {
            _body();
        }
        catch (Exception exception)
        {
            _realFailure = exception;
        }
    }

    /// <summary>What a joiner waits for: the thread's completion, "held" by the thread itself.</summary>
    private sealed class ThreadCompletion : IWaitResource
    {
        private readonly ControlledOperation operation;

        public ThreadCompletion(ControlledOperation operation)
        {
            this.operation = operation;
            IsComplete = () => operation.Status == OperationStatus.Completed;
        }

        public Func<bool> IsComplete { get; }

        public string Name => operation.Name;

        public IEnumerable<ControlledOperation> Holders => operation.Status == OperationStatus.Completed ? [] : [operation];

        public string DescribeState() => "to finish";
    }
}
