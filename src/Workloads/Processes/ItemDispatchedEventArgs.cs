namespace Lab.Workloads.Processes;

/// <summary>Says that an item has just been written to a worker's input, the moment from which the worker holds it.</summary>
public sealed class ItemDispatchedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public ItemDispatchedEventArgs(int workerProcessId, WorkItem item, int attempt)
    {
        WorkerProcessId = workerProcessId;
        Item = item;
        Attempt = attempt;
    }

    /// <summary>The worker that now holds the item.</summary>
    public int WorkerProcessId { get; }

    /// <summary>The item.</summary>
    public WorkItem Item { get; }

    /// <summary>1 for the first try, higher when the item is being re-run after a worker died.</summary>
    public int Attempt { get; }
}
