namespace Lab.Systematic.Runtime;

/// <summary>
/// An OS thread that runs controlled operations one after another, across iterations. Its event is the
/// operation's baton: set to let the operation run, waited on (spinning briefly before blocking) to park it.
/// </summary>
internal sealed class PooledThread
{
    private readonly ManualResetEventSlim _baton = new(false, spinCount: BatonSpin.Count);
    private readonly OperationThreadPool? _pool;
    private ControlledOperation? _assigned;
    private volatile bool _stopping;

    public PooledThread(OperationThreadPool pool, int index)
    {
        _pool = pool;
        var thread = new Thread(Loop) { IsBackground = true, Name = $"lab-controlled-{index}" };
        thread.Start();
    }

    /// <summary>A baton for the calling thread itself, which runs "main" inline; it belongs to no pool.</summary>
    private PooledThread() { }

    /// <summary>Lets the exploration's own thread carry "main": two handoffs fewer per iteration.</summary>
    public static PooledThread ForCallingThread() => new();

    /// <summary>Binds the next operation; it starts running at the first <see cref="Wake"/>.</summary>
    public void Assign(ControlledOperation operation) => _assigned = operation;

    public void Wake() => _baton.Set();

    public void Park()
    {
        _baton.Wait();
        _baton.Reset();
    }

    public void Stop()
    {
        _stopping = true;
        _baton.Set();
    }

    private void Loop()
    {
        while (true)
        {
            Park();
            if (_stopping) return;
            ControlledOperation operation = _assigned!;
            _assigned = null;
            operation.Runtime.RunOperation(operation);
        }
    }

    /// <summary>Returns the thread to its pool; called by the operation itself just before it hands the baton on.</summary>
    public void Release() => _pool?.Return(this);
}
