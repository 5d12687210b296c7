namespace Lab.Workloads.Gil;

/// <summary>The .NET situation: there is no global lock, so every operation is free and threads run truly in parallel.</summary>
public sealed class NoInterpreterLock : IInterpreterLock
{
    /// <summary>The single instance; it has no state.</summary>
    public static NoInterpreterLock Instance { get; } = new();

    private NoInterpreterLock()
    {
    }

    /// <inheritdoc />
    public void Acquire()
    {
    }

    /// <inheritdoc />
    public void Release()
    {
    }

    /// <inheritdoc />
    public void Checkpoint()
    {
    }
}
