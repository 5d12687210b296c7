namespace Lab.Workloads.Executors;

/// <summary>Hands out the indexes of a batch one at a time to whichever worker asks first: dynamic scheduling without a lock.</summary>
public sealed class WorkQueue
{
    private readonly int _count;
    private int _next = -1;

    /// <summary>Creates a queue of the indexes <c>0 .. count-1</c>.</summary>
    public WorkQueue(int count) => _count = count;

    /// <summary>Takes the next index, or returns false when all have been taken.</summary>
    public bool TryTake(out int index)
    {
        index = Interlocked.Increment(ref _next);
        return index < _count;
    }
}
