namespace Lab.Rewriting.Fixtures.Async;

/// <summary>
/// A CancellationTokenSource cancelled by one thread and disposed by another, guarded by a plain "disposed" flag: the
/// check and the Cancel are two steps, so Dispose can come in between and Cancel throws ObjectDisposedException.
/// </summary>
public sealed class DisposedSources
{
    private readonly CancellationTokenSource _source = new();
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Check-then-act on the flag without a lock.</summary>
    public static void CancelUnlessDisposed()
    {
        var program = new DisposedSources();
        var canceller = new Thread(program.CancelIfNotDisposed) { Name = "canceller" };
        canceller.Start();
        program.DisposeOnce();
        canceller.Join();
    }

    /// <summary>The check and the Cancel under the lock the disposer takes too: never throws.</summary>
    public static void CancelUnlessDisposedUnderALock()
    {
        var program = new DisposedSources();
        var canceller = new Thread(program.CancelIfNotDisposedLocked) { Name = "canceller" };
        canceller.Start();
        program.DisposeOnceLocked();
        canceller.Join();
    }

    /// <summary>CancelAfter on a disposed source throws ObjectDisposedException, as in .NET.</summary>
    public static void CancelAfterDispose()
    {
        var program = new DisposedSources();
        program._source.Dispose();
        program._source.CancelAfter(10); // @line:cancel-after-disposed
    }

    /// <summary>Token on a disposed source throws ObjectDisposedException, as in .NET.</summary>
    public static CancellationToken TokenAfterDispose()
    {
        var program = new DisposedSources();
        program._source.Dispose();
        return program._source.Token; // @line:token-after-disposed
    }

    private void CancelIfNotDisposed()
    {
        if (!_disposed) _source.Cancel(); // @line:cancel-unless-disposed
    }

    private void DisposeOnce()
    {
        _disposed = true;
        _source.Dispose(); // @line:dispose
    }

    private void CancelIfNotDisposedLocked()
    {
        lock (_gate)
        {
            if (!_disposed) _source.Cancel();
        }
    }

    private void DisposeOnceLocked()
    {
        lock (_gate)
        {
            _disposed = true;
            _source.Dispose();
        }
    }
}
