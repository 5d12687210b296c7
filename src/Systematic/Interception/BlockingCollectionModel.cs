using System.Collections.Concurrent;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// A <see cref="BlockingCollection{T}"/> created inside an exploration: the real collection holds the items, and its
/// blocking is modelled. Take waits (as a controlled wait) while the collection is empty and adding is not complete,
/// a bounded Add while it is full; once a wait is satisfied the real call cannot block, because only the operation
/// holding the baton runs. Adding releases and taking acquires the collection's clock.
/// </summary>
internal sealed class BlockingCollectionModel<T> : IWaitResource
{
    private readonly BlockingCollection<T> _real;
    private readonly ControlledRuntime _runtime;
    private readonly VectorClock _clock = new();
    private readonly Func<bool> _canTake;
    private readonly Func<bool> _canAdd;

    public BlockingCollectionModel(BlockingCollection<T> real, ControlledRuntime runtime, string name)
    {
        _real = real;
        _runtime = runtime;
        Name = name;
        _canTake = () => _real.Count > 0 || _real.IsAddingCompleted;
        _canAdd = () => _real.BoundedCapacity < 0 || _real.Count < _real.BoundedCapacity || _real.IsAddingCompleted;
        runtime.Register(this);
    }

    public string Name { get; }

    /// <summary>Adds an item, waiting while a bounded collection is full; InvalidOperationException once adding is complete.</summary>
    public bool Add(T item, int millisecondsTimeout, string file, int line)
    {
        ControlledOperation operation = Point("BlockingCollection.Add");
        if (!_runtime.WaitUntil(operation, this, "Add", _canAdd, millisecondsTimeout, file, line))
        {
            VirtualTime.Advance(millisecondsTimeout);
            return false;
        }
        _real.Add(item);
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, "Add", Name, file, line, _real.Count);
        return true;
    }

    /// <summary>
    /// Takes an item, waiting while the collection is empty and adding is not complete. False when it timed out or
    /// when the collection is empty and complete (Take turns that into the InvalidOperationException .NET throws).
    /// </summary>
    public bool TryTake(out T item, int millisecondsTimeout, string file, int line)
    {
        ControlledOperation operation = Point("BlockingCollection.Take");
        item = default!;
        if (!_runtime.WaitUntil(operation, this, "Take", _canTake, millisecondsTimeout, file, line))
        {
            VirtualTime.Advance(millisecondsTimeout);
            return false;
        }
        bool taken = _real.TryTake(out item!);
        if (taken) _runtime.Races?.Acquire(operation, _clock);
        _runtime.Record(operation, taken ? "Take" : "Take found it complete", Name, file, line, _real.Count);
        return taken;
    }

    /// <summary>Marks adding as complete, waking every waiting taker.</summary>
    public void CompleteAdding(string file, int line)
    {
        ControlledOperation operation = Point("BlockingCollection.CompleteAdding");
        _real.CompleteAdding();
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, "CompleteAdding", Name, file, line);
    }

    private ControlledOperation Point(string primitive)
    {
        ControlledOperation operation = _runtime.Enter(primitive);
        _runtime.SchedulingPoint(operation);
        return operation;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => [];

    string IWaitResource.DescribeState() => _real.Count == 0
        ? _real.IsAddingCompleted ? "empty, adding complete" : "empty"
        : $"full: {_real.Count} of {_real.BoundedCapacity}";
}
