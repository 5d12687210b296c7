namespace Lab.Workloads.Gil;

/// <summary>
/// A global interpreter lock modelled on CPython's: one holder at a time; a thread that has waited a whole switch
/// interval asks the holder to drop it, and the holder hands it over at its next checkpoint without taking it straight back.
/// </summary>
public sealed class EmulatedGil : IInterpreterLock
{
    /// <summary>CPython's default switch interval (<c>sys.getswitchinterval()</c>), the pace at which a CPU-bound holder is asked to hand over.</summary>
    public static readonly TimeSpan CPythonSwitchInterval = TimeSpan.FromMilliseconds(5);

    private readonly object _gate = new();
    private readonly TimeSpan _switchInterval;
    private Thread? _holder;
    private int _waiters;
    private long _acquisitions;
    private long _forcedSwitches;
    private volatile bool _dropRequested;

    /// <summary>Creates a lock with CPython's default 5 ms switch interval.</summary>
    public EmulatedGil()
        : this(CPythonSwitchInterval)
    {
    }

    /// <summary>Creates a lock with a chosen switch interval, to show how the interval shapes latency and throughput.</summary>
    public EmulatedGil(TimeSpan switchInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(switchInterval, TimeSpan.Zero);
        _switchInterval = switchInterval;
    }

    /// <summary>The interval a waiting thread waits before it asks the holder to drop the lock.</summary>
    public TimeSpan SwitchInterval => _switchInterval;

    /// <summary>How many times the lock was taken, counting every re-acquisition after I/O or a switch.</summary>
    public long Acquisitions => Interlocked.Read(ref _acquisitions);

    /// <summary>How many times a computing holder was made to hand over at a checkpoint, the GIL's "switches".</summary>
    public long ForcedSwitches => Interlocked.Read(ref _forcedSwitches);

    /// <inheritdoc />
    public void Acquire()
    {
        lock (_gate)
        {
            if (_holder == Thread.CurrentThread)
            {
                throw new InvalidOperationException("The emulated GIL is not re-entrant: this thread already holds it.");
            }

            _waiters++;
            try
            {
                while (_holder is not null)
                {
                    long seen = _acquisitions;
                    bool signalled = Monitor.Wait(_gate, _switchInterval);
                    if (!signalled && _holder is not null && _acquisitions == seen)
                    {
                        _dropRequested = true;
                    }
                }
            }
            finally
            {
                _waiters--;
            }

            _holder = Thread.CurrentThread;
            _dropRequested = false;
            _acquisitions++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc />
    public void Release()
    {
        lock (_gate)
        {
            ThrowUnlessHeldByCaller();
            _holder = null;
            _dropRequested = false;
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc />
    public void Checkpoint()
    {
        if (!_dropRequested)
        {
            return;
        }

        lock (_gate)
        {
            ThrowUnlessHeldByCaller();
            long before = _acquisitions;
            _holder = null;
            _dropRequested = false;
            _forcedSwitches++;
            Monitor.PulseAll(_gate);
            while (_acquisitions == before && _waiters > 0)
            {
                Monitor.Wait(_gate);
            }
        }

        Acquire();
    }

    private void ThrowUnlessHeldByCaller()
    {
        if (_holder != Thread.CurrentThread)
        {
            throw new InvalidOperationException("The emulated GIL is not held by the calling thread.");
        }
    }
}
