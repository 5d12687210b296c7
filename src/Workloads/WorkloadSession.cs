namespace Lab.Workloads;

/// <summary>An opened workload: creates items for a worker count while keeping the resources those items use alive.</summary>
public sealed class WorkloadSession : IDisposable
{
    private readonly Func<int, IReadOnlyList<WorkItem>> _createItems;
    private readonly IDisposable? _resources;

    /// <summary>Wraps an item factory and the resources it depends on.</summary>
    public WorkloadSession(Func<int, IReadOnlyList<WorkItem>> createItems, IDisposable? resources = null)
    {
        _createItems = createItems;
        _resources = resources;
    }

    /// <summary>Splits the workload's total work into items suited to <paramref name="workers"/> workers.</summary>
    public IReadOnlyList<WorkItem> CreateItems(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return _createItems(workers);
    }

    /// <summary>Releases the workload's resources (stops servers, deletes files).</summary>
    public void Dispose() => _resources?.Dispose();
}
