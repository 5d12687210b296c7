namespace Lab.Workloads.Processes;

/// <summary>A worker process could not be started or did not announce itself, so the pool cannot use it.</summary>
public sealed class WorkerStartException : Exception
{
    /// <summary>Creates the exception with the reason the worker failed to start.</summary>
    public WorkerStartException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
