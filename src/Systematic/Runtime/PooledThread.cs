namespace Lab.Systematic.Runtime;

/// <summary>
/// An OS thread that runs controlled operations one after another, across iterations. Its semaphore is the
/// operation's baton: it is released to let the operation run and waited on to park it.
/// </summary>
internal sealed class PooledThread
{
    private readonly ManualResetEventSlim _baton = new(false, spinCount: 200);
    private readonly OperationThreadPool _pool;
    private ControlledOperation? _assigned;
    private volatile bool _stopping;

    public PooledThread(OperationThreadPool pool, int index)
    {
        _pool = pool;
        var thread = new Thread(Loop) { IsBackground = true, Name = $"lab-controlled-{index}" };
        thread.Start();
    }

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
    public void Release() => _pool.Return(this);
}
