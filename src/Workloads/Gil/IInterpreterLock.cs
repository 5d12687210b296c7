namespace Lab.Workloads.Gil;

/// <summary>The contract between running code and an interpreter lock, so the same work item can run free-threaded or behind an emulated GIL.</summary>
public interface IInterpreterLock
{
    /// <summary>Blocks until the calling thread holds the lock, like a thread entering the interpreter.</summary>
    void Acquire();

    /// <summary>Gives the lock up, like a thread leaving the interpreter or starting blocking I/O.</summary>
    void Release();

    /// <summary>Called regularly by computing code: hands the lock to a waiting thread once a switch has been requested.</summary>
    void Checkpoint();
}
