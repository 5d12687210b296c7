using System.Diagnostics;
using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Strategies;
using Lab.Systematic.Strategies.Dpor;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Runtime;

/// <summary>
/// One iteration of an exploration. Exactly one controlled operation runs at a time: it holds the baton, makes the
/// scheduling decision at its next scheduling point, and hands the baton to the chosen operation. All state below is
/// touched only by the operation holding the baton, except <see cref="_bug"/> and <see cref="_canceled"/>, which an
/// uncontrolled thread may set when it is caught misusing a primitive.
/// </summary>
internal sealed partial class ControlledRuntime
{
    [ThreadStatic] private static ControlledOperation? t_current;

    private readonly ExplorationOptions _options;
    private readonly ISchedulingStrategy _strategy;
    private readonly IStepObserver? _observer;
    private readonly OperationThreadPool _pool;
    private readonly IReadOnlyList<string>? _expectedOperations;
    private readonly ManualResetEventSlim _iterationDone;
    private readonly List<ControlledOperation> _operations;
    private readonly List<IWaitResource> _resources;
    private readonly List<int> _enabled;
    private readonly bool _fair;
    private BugReport? _bug;
    private volatile bool _canceled;
    private int _step;
    private List<Func<BugReport?>>? _terminationChecks;
    private readonly List<Thread> _spareThreads;
    private int _spareThreadsRented;

    public ControlledRuntime(ExplorationOptions options, ISchedulingStrategy strategy, OperationThreadPool pool,
        IReadOnlyList<string>? expectedOperations = null, IterationBuffers? buffers = null)
    {
        buffers = buffers?.Clear() ?? new IterationBuffers();
        _iterationDone = buffers.IterationDone;
        _operations = buffers.Operations;
        _resources = buffers.Resources;
        _enabled = buffers.Enabled;
        _monitors = buffers.Monitors;
        Decisions = buffers.Decisions;
        Steps = buffers.Steps;
        PreemptionPoints = buffers.PreemptionPoints;
        ObjectModels = buffers.ObjectModels;
        MemoryLocations = buffers.MemoryLocations;
        TimedWaits = buffers.TimedWaits;
        _spareThreads = buffers.SpareThreads;
        _options = options;
        _strategy = strategy;
        _observer = strategy as IStepObserver;
        _pool = pool;
        _expectedOperations = expectedOperations;
        _fair = strategy.IsFair;
        Races = options.DetectDataRaces ? new RaceDetector() : null;
    }

    /// <summary>
    /// A never-started Thread object, unnamed and in the foreground, that no other Thread of this iteration has: what a
    /// rewritten <c>new Thread(...)</c> gets inside an exploration, where the thread's body lives in its model and only
    /// the object's identity matters. The objects are reused by later iterations of the same worker.
    /// </summary>
    public Thread RentThreadObject()
    {
        if (_spareThreadsRented == _spareThreads.Count) _spareThreads.Add(new Thread(static () => { }));
        Thread thread = _spareThreads[_spareThreadsRented++];
        thread.Name = null;
        thread.IsBackground = false;
        return thread;
    }

    /// <summary>The operation running on the calling OS thread, or null on a thread the engine does not control.</summary>
    public static ControlledOperation? CurrentOperation => t_current;

    /// <summary>The runtime a primitive created now belongs to (null outside an exploration: the primitive runs for real).</summary>
    public static ControlledRuntime? Current => t_current?.Runtime;

    public List<Decision> Decisions { get; }

    public List<StepRecord> Steps { get; }

    public RaceDetector? Races { get; }

    /// <summary>This iteration's controlled models of real objects used by rewritten code, keyed by identity (see Interception).</summary>
    public Dictionary<object, object> ObjectModels { get; }

    /// <summary>This iteration's plain memory locations touched by rewritten code and their race-detection histories.</summary>
    public Dictionary<Interception.MemoryLocation, SharedAccessHistory> MemoryLocations { get; }

    public IReadOnlyList<ControlledOperation> Operations => _operations;

    public BugReport? Bug => Volatile.Read(ref _bug);

    public bool HitStepBound { get; private set; }

    /// <summary>Decisions that switched away from an operation that could have gone on, and which operation that was.</summary>
    public List<PreemptionPoint> PreemptionPoints { get; }

    /// <summary>How each timed wait of this iteration ended (satisfied or timed out), in order.</summary>
    public List<TimedWaitOutcome> TimedWaits { get; }

    /// <summary>How many times the schedule preempted an operation.</summary>
    public int Preemptions => PreemptionPoints.Count;

    public int StepCount => _step;

    public bool IsFair => _fair;

    /// <summary>Runs the body as operation "main" and returns when every operation has finished or been unwound.</summary>
    public bool Run(Action body)
    {
        _iterationDone.Reset();
        ControlledOperation main = CreateOperation(body, "main", parent: null);
        main.Thread!.Wake();
        int lastStep = -1;
        while (!_iterationDone.Wait(_options.HangTimeout))
        {
            if (_step != lastStep)
            {
                lastStep = _step;
                continue;
            }
            ReportBug(HangReport(_options.HangTimeout, _step));
            return false;
        }
        return true;
    }

    /// <summary>
    /// Runs the body as operation "main" on the calling thread and returns when every operation has finished or been
    /// unwound. Nothing here watches for hangs: the caller must (the exploration's watchdog does).
    /// </summary>
    public void RunHere(Action body, PooledThread callingThread)
    {
        _iterationDone.Reset();
        ControlledOperation main = CreateOperation(body, "main", parent: null, callingThread);
        RunOperation(main);
        _iterationDone.Wait();
    }

    /// <summary>The report for an iteration that reached no scheduling point for <paramref name="timeout"/>.</summary>
    public static BugReport HangReport(TimeSpan timeout, int step) => new(BugKind.Hang,
        $"no scheduling point was reached for {timeout.TotalSeconds:0.#} s at step {step}: explored code loops on " +
        "plain fields or blocks in an uncontrolled call (System.Threading, I/O). Use Shared<T> and the controlled primitives.");

    /// <summary>Creates an operation; it is enabled at once but runs only when a decision picks it.</summary>
    public ControlledOperation CreateOperation(Action body, string? name, ControlledOperation? parent, PooledThread? carrier = null)
    {
        int id = _operations.Count;
        string unique = name is null ? DefaultName(id) : IsNameTaken(name) ? $"{name}#{id}" : name;
        if (_expectedOperations is not null && (id >= _expectedOperations.Count || _expectedOperations[id] != unique))
        {
            string expected = id < _expectedOperations.Count ? $"'{_expectedOperations[id]}'" : "no more operations";
            Fail(new BugReport(BugKind.ReplayDivergence,
                $"replay diverged: the program created operation #{id} '{unique}' where the trace has {expected}. " +
                "The code changed since the trace was recorded; record a new trace by exploring again."));
        }
        var operation = new ControlledOperation(this, id, unique, body) { SkipNextPoint = parent is null };
        _operations.Add(operation);
        _observer?.OnCreated(id, unique);
        operation.Thread = carrier ?? _pool.Rent();
        operation.Thread.Assign(operation);
        Races?.OnCreate(operation, parent);
        return operation;
    }

    public void Register(IWaitResource resource) => _resources.Add(resource);

    private static readonly string[] DefaultNames = Enumerable.Range(0, 64).Select(i => i == 0 ? "main" : $"T{i}").ToArray();

    /// <summary>"main", then "T1", "T2", ... by creation order (cached: names are made every iteration).</summary>
    private static string DefaultName(int id) => id < DefaultNames.Length ? DefaultNames[id] : $"T{id}";

    private bool IsNameTaken(string name)
    {
        foreach (ControlledOperation operation in _operations)
        {
            if (operation.Name == name) return true;
        }
        return false;
    }

    /// <summary>
    /// Returns the calling operation if it belongs to this runtime. A call from any other thread is uncontrolled
    /// concurrency: it is reported, and the caller gets an exception that says what to change.
    /// </summary>
    public ControlledOperation Enter(string primitive)
    {
        ControlledOperation? operation = t_current;
        if (operation is null || operation.Runtime != this)
        {
            var error = new UncontrolledConcurrencyException(primitive);
            ReportBug(new BugReport(BugKind.UncontrolledConcurrency, error.Message));
            throw error;
        }
        if (_canceled) throw new ExecutionCanceledException();
        return operation;
    }

    /// <summary>A visible step is about to happen: let the strategy decide who performs it.</summary>
    public void SchedulingPoint(ControlledOperation operation)
    {
        if (operation.SkipNextPoint)
        {
            operation.SkipNextPoint = false;
            return;
        }
        Decide(operation);
    }

    /// <summary>
    /// Blocks the operation until a decision schedules it again. Returns true if its wait is satisfied, false if it
    /// was scheduled only to time out (possible only for a timed wait).
    /// </summary>
    public bool Block(ControlledOperation operation, IWaitResource resource, string action, Func<bool> canProceed, bool timed)
    {
        operation.BlockOn(resource, action, canProceed, timed);
        _observer?.OnBlocked(operation.Id, resource.Name, timed);
        Decide(operation);
        bool satisfied = operation.CanProceed;
        operation.Unblock();
        return satisfied;
    }

    /// <summary>Records a visible step; after its first one, every further visible step of the operation gets a decision.</summary>
    public void Record(ControlledOperation operation, string action, string? resource, string? file, int line, long? value = null)
    {
        operation.SkipNextPoint = false;
        operation.StepsTaken++;
        Steps.Add(new StepRecord(operation.Id, action, resource, file, line, value));
        _observer?.OnStep(operation.Id, action, resource, value);
    }

    public bool ChooseBoolean(ControlledOperation operation)
    {
        bool value = Choose(() => _strategy.NextBoolean(_step));
        Decisions.Add(new Decision(DecisionKind.Boolean, value ? 1 : 0));
        return value;
    }

    public int ChooseInteger(ControlledOperation operation, int maxValue)
    {
        if (maxValue <= 0) throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "must be positive");
        int value = Choose(() => _strategy.NextInteger(maxValue, _step));
        if (value < 0 || value >= maxValue) throw new InvalidOperationException($"strategy {_strategy.Description} chose {value}, outside [0, {maxValue})");
        Decisions.Add(new Decision(DecisionKind.Integer, value));
        return value;
    }

    /// <summary>Records a bug found by the running operation and unwinds it.</summary>
    public ExecutionCanceledException Fail(BugReport bug)
    {
        ReportBug(bug);
        return new ExecutionCanceledException();
    }

    /// <summary>First bug wins; every later one is a consequence of it (or of the unwinding).</summary>
    public void ReportBug(BugReport bug)
    {
        Interlocked.CompareExchange(ref _bug, bug, null);
        _canceled = true;
    }

    // ---- the decision loop -------------------------------------------------------------------------------------

    private void Decide(ControlledOperation current)
    {
        ControlledOperation? next = PickNext(current);
        if (next is null) throw new ExecutionCanceledException();
        if (next == current) return;
        next.Thread!.Wake();
        current.Thread!.Park();
        if (_canceled) throw new ExecutionCanceledException();
    }

    /// <summary>One scheduling decision. Null means the iteration is over (a bug, the step bound, or nothing left to run).</summary>
    private ControlledOperation? PickNext(ControlledOperation current)
    {
        if (_canceled) return null;
        if (++_step > _options.MaxSteps)
        {
            OnStepBoundReached();
            return null;
        }
        CollectEnabled();
        if (_enabled.Count == 0)
        {
            if (_operations.Exists(o => o.Status != OperationStatus.Completed)) ReportBug(DeadlockReport.Describe(_operations, _resources));
            return null;
        }
        int currentId = current.Status != OperationStatus.Completed && current.IsEnabled ? current.Id : -1;
        int chosen;
        try
        {
            chosen = _strategy.NextOperation(_enabled, currentId, _step);
        }
        catch (Exception exception) when (exception is ReplayDivergenceException or NondeterminismException)
        {
            throw Fail(StrategyError(exception));
        }
        if (_canceled) return null;
        if (chosen < 0 || chosen >= _operations.Count || !_enabled.Contains(chosen))
        {
            throw new InvalidOperationException($"strategy {_strategy.Description} chose operation #{chosen}, which is not enabled");
        }
        Decisions.Add(new Decision(DecisionKind.Operation, chosen));
        if (currentId >= 0 && chosen != currentId) PreemptionPoints.Add(new PreemptionPoint(Decisions.Count - 1, currentId));
        if (_fair) TrackFairness(chosen);
        if (_step > _livenessDeadline && CheckLiveness()) return null;
        return _operations[chosen];
    }

    private void CollectEnabled()
    {
        _enabled.Clear();
        foreach (ControlledOperation operation in _operations)
        {
            if (operation.IsEnabled) _enabled.Add(operation.Id);
        }
    }

    /// <summary>Runs a value choice of the strategy, turning its replay and nondeterminism errors into reports.</summary>
    private T Choose<T>(Func<T> choice)
    {
        try
        {
            return choice();
        }
        catch (Exception exception) when (exception is ReplayDivergenceException or NondeterminismException)
        {
            throw Fail(StrategyError(exception));
        }
    }

    /// <summary>Turns a strategy's replay or nondeterminism error into a report that also names the step reached.</summary>
    private BugReport StrategyError(Exception exception) =>
        new(exception is ReplayDivergenceException ? BugKind.ReplayDivergence : BugKind.Nondeterminism,
            $"after step {Steps.Count}: {exception.Message}");

    private void OnStepBoundReached()
    {
        HitStepBound = true;
        _observer?.OnStepBoundReached();
        if (_fair && _options.FairNonTerminationIsBug)
        {
            ReportBug(LivenessReport(HottestMonitor()?.Kind ?? BugKind.Livelock,
                $"the program did not terminate within {_options.MaxSteps} steps of a fair schedule" + DescribeHotMonitors()));
        }
        _canceled = true;
    }

    // ---- operation lifecycle (runs on the pooled thread) ---------------------------------------------------------

    public void RunOperation(ControlledOperation operation)
    {
        t_current = operation;
        try
        {
            if (!_canceled)
            {
                operation.Status = OperationStatus.Enabled;
                operation.Body();
            }
        }
        catch (Exception exception) when (!_canceled && exception is not ExecutionCanceledException)
        {
            ReportBug(new BugReport(BugKind.UnhandledException,
                $"{exception.GetType().FullName} in {operation.Name}: {exception.Message}",
                operation.Name, SourceLocation.Of(exception), exception.ToString()));
        }
        catch (Exception) when (_canceled)
        {
            // The iteration is over; exceptions raised while unwinding are consequences of the bug already reported.
        }
        finally
        {
            t_current = null;
        }
        Complete(operation);
    }

    private void Complete(ControlledOperation operation)
    {
        operation.Status = OperationStatus.Completed;
        _observer?.OnCompleted(operation.Id);
        Races?.OnComplete(operation);
        PooledThread thread = operation.Thread!;
        ControlledOperation? next = _canceled ? null : PickNext(operation);
        thread.Release();
        if (next is not null) next.Thread!.Wake();
        else if (_canceled) ContinueTeardown();
        else
        {
            if (HotAtTermination() is { } hot) ReportBug(hot);
            else if (TerminationBug() is { } bug) ReportBug(bug);
            _iterationDone.Set();
        }
    }

    /// <summary>
    /// Ends an operation that never ran because the running one did its work inline (an await's continuation run by
    /// whoever completed the awaited task): it takes no decision, and its thread goes back to the pool unstarted.
    /// </summary>
    public void Retire(ControlledOperation operation)
    {
        if (operation.Status is not (OperationStatus.NotStarted or OperationStatus.Blocked) || operation.StepsTaken > 0 || operation == t_current)
            throw new InvalidOperationException($"operation {operation.Name} has started and cannot be retired");
        operation.Unblock();
        operation.Status = OperationStatus.Completed;
        _observer?.OnCompleted(operation.Id);
        Races?.OnComplete(operation);
        operation.Thread!.Release();
    }

    /// <summary>Wakes the next unfinished operation so it unwinds; the last one to finish ends the iteration.</summary>
    private void ContinueTeardown()
    {
        foreach (ControlledOperation operation in _operations)
        {
            if (operation.Status == OperationStatus.Completed) continue;
            operation.Thread!.Wake();
            return;
        }
        _iterationDone.Set();
    }

    /// <summary>Adds a check run when the program ends cleanly (all operations finished, no bug): e.g. a task exception nobody observed.</summary>
    public void AtTermination(Func<BugReport?> check) => (_terminationChecks ??= []).Add(check);

    private BugReport? TerminationBug()
    {
        if (_terminationChecks is null) return null;
        foreach (Func<BugReport?> check in _terminationChecks)
        {
            if (check() is { } bug) return bug;
        }
        return null;
    }

    [StackTraceHidden]
    public static void ThrowIfCanceled(ControlledRuntime runtime)
    {
        if (runtime._canceled) throw new ExecutionCanceledException();
    }
}
