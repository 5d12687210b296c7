namespace Lab.Workloads.Gil;

/// <summary>Releases an interpreter lock around a blocking call and takes it back on dispose, as CPython does around I/O.</summary>
public readonly struct BlockingRegion : IDisposable
{
    private readonly IInterpreterLock _interpreterLock;

    private BlockingRegion(IInterpreterLock interpreterLock) => _interpreterLock = interpreterLock;

    /// <summary>Releases <paramref name="interpreterLock"/> until the returned region is disposed.</summary>
    public static BlockingRegion Enter(IInterpreterLock interpreterLock)
    {
        interpreterLock.Release();
        return new BlockingRegion(interpreterLock);
    }

    /// <summary>Takes the interpreter lock back after the blocking call.</summary>
    public void Dispose() => _interpreterLock.Acquire();
}
