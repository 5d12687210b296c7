using System.Threading.Channels;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async.Channels;

/// <summary>
/// A Channel&lt;T&gt; created inside an exploration: the items, the capacity and the completion are the engine's own,
/// each read and write is a scheduling point and a recorded step, writing releases and reading acquires the channel's
/// clock, and a reader of an empty channel (or a writer of a full bounded one) is a controlled wait: a waiter
/// operation that takes (or puts) the item once it can, whose task the caller awaits. Blocked readers and writers
/// are served in the order the strategy picks, not first come first served.
/// </summary>
internal sealed class ChannelModel<T> : IWaitResource
{
    private readonly LinkedList<T> _items = new();
    private readonly ControlledRuntime _runtime;
    private readonly VectorClock _clock = new();
    private readonly int _capacity;
    private readonly BoundedChannelFullMode _fullMode;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<bool> _canRead;
    private readonly Func<bool> _canWrite;
    private Exception? _error;

    /// <summary>A channel of <paramref name="capacity"/> items (-1: unbounded) that does <paramref name="fullMode"/> when full.</summary>
    public ChannelModel(ControlledRuntime runtime, string name, int capacity, BoundedChannelFullMode fullMode)
    {
        _runtime = runtime;
        Name = name;
        _capacity = capacity;
        _fullMode = fullMode;
        _canRead = () => _items.Count > 0 || IsComplete;
        _canWrite = () => !IsFull || IsComplete;
        ObjectModels.Add(runtime, _completion.Task, new AwaitedTask(_completion.Task, $"{name}.Completion"));
        runtime.Register(this);
    }

    public string Name { get; }

    /// <summary>Writing is over (Complete or TryComplete was called); readers still drain what is left.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Completes when the channel is complete and drained, as ChannelReader.Completion does.</summary>
    public Task Completion => _completion.Task;

    private bool IsFull => _capacity >= 0 && _items.Count >= _capacity;

    /// <summary>TryWrite: false once complete, or when a bounded channel in Wait mode is full; the other full modes drop an item.</summary>
    public bool TryWrite(T item, string file, int line)
    {
        ControlledOperation operation = Point("ChannelWriter.TryWrite");
        if (IsComplete || (IsFull && _fullMode == BoundedChannelFullMode.Wait))
        {
            _runtime.Record(operation, IsComplete ? "TryWrite refused: complete" : "TryWrite refused: full", Name, file, line, _items.Count);
            return false;
        }
        string action = Add(item) ? "TryWrite" : "TryWrite dropped";
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, action, Name, file, line, _items.Count);
        return true;
    }

    /// <summary>WriteAsync: writes at once if there is room, else a waiter writes once there is; ChannelClosedException once complete.</summary>
    public ValueTask WriteAsync(T item, CancellationToken cancellationToken, string file, int line)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled(cancellationToken);
        ControlledOperation operation = Point("ChannelWriter.WriteAsync");
        if (IsComplete || !IsFull || _fullMode != BoundedChannelFullMode.Wait) return Write(operation, item, "WriteAsync", file, line) is { } closed
            ? ValueTask.FromException(closed)
            : default;
        return new ValueTask(TaskModel.Run("ChannelWriter.WriteAsync", () =>
        {
            ControlledOperation writer = _runtime.Enter("ChannelWriter.WriteAsync");
            _runtime.WaitUntil(writer, this, "WriteAsync", _canWrite, Timeout.Infinite, file, line);
            if (Write(writer, item, "WriteAsync", file, line) is { } error) throw error;
            return true;
        }, file, line));
    }

    /// <summary>WaitToWriteAsync: true when there is room, false once complete; waits (a waiter) while full.</summary>
    public ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken, string file, int line)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<bool>(cancellationToken);
        ControlledOperation operation = Point("ChannelWriter.WaitToWriteAsync");
        if (_canWrite()) return new ValueTask<bool>(WaitedToWrite(operation, file, line));
        return new ValueTask<bool>(TaskModel.Run("ChannelWriter.WaitToWriteAsync", () =>
        {
            ControlledOperation waiter = _runtime.Enter("ChannelWriter.WaitToWriteAsync");
            _runtime.WaitUntil(waiter, this, "WaitToWriteAsync", _canWrite, Timeout.Infinite, file, line);
            return WaitedToWrite(waiter, file, line);
        }, file, line));
    }

    /// <summary>TryComplete: writing ends (with <paramref name="error"/> for readers, if any); false if it had already.</summary>
    public bool TryComplete(Exception? error, string file, int line)
    {
        ControlledOperation operation = Point("ChannelWriter.TryComplete");
        if (IsComplete)
        {
            _runtime.Record(operation, "Complete on a complete channel", Name, file, line);
            return false;
        }
        IsComplete = true;
        _error = error;
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, "Complete", Name, file, line, _items.Count);
        if (_items.Count == 0) Finish();
        return true;
    }

    /// <summary>TryRead: the oldest item if there is one.</summary>
    public bool TryRead(out T item, string file, int line)
    {
        ControlledOperation operation = Point("ChannelReader.TryRead");
        return Take(operation, "TryRead", file, line, out item);
    }

    /// <summary>ReadAsync: the oldest item, at once or through a waiter once one is written; ChannelClosedException once complete and empty.</summary>
    public ValueTask<T> ReadAsync(CancellationToken cancellationToken, string file, int line)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<T>(cancellationToken);
        ControlledOperation operation = Point("ChannelReader.ReadAsync");
        if (_canRead()) return ReadNow(operation, file, line) is var (item, error) && error is null ? new ValueTask<T>(item) : ValueTask.FromException<T>(error!);
        return new ValueTask<T>(TaskModel.Run("ChannelReader.ReadAsync", () =>
        {
            ControlledOperation reader = _runtime.Enter("ChannelReader.ReadAsync");
            _runtime.WaitUntil(reader, this, "ReadAsync", _canRead, Timeout.Infinite, file, line);
            (T item, Exception? error) = ReadNow(reader, file, line);
            return error is null ? item : throw error;
        }, file, line));
    }

    /// <summary>WaitToReadAsync: true when an item is there, false once complete and empty (the completion's error is thrown); waits (a waiter) meanwhile.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken, string file, int line)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<bool>(cancellationToken);
        ControlledOperation operation = Point("ChannelReader.WaitToReadAsync");
        if (_canRead()) return WaitedToRead(operation, file, line) is var (ready, error) && error is null ? new ValueTask<bool>(ready) : ValueTask.FromException<bool>(error!);
        return new ValueTask<bool>(TaskModel.Run("ChannelReader.WaitToReadAsync", () =>
        {
            ControlledOperation waiter = _runtime.Enter("ChannelReader.WaitToReadAsync");
            _runtime.WaitUntil(waiter, this, "WaitToReadAsync", _canRead, Timeout.Infinite, file, line);
            (bool ready, Exception? error) = WaitedToRead(waiter, file, line);
            return error is null ? ready : throw error;
        }, file, line));
    }

    /// <summary>The number of items in the channel, read as a step.</summary>
    public int Count(string file, int line)
    {
        ControlledOperation operation = Point("ChannelReader.Count");
        _runtime.Races?.Acquire(operation, _clock);
        _runtime.Record(operation, "Count", Name, file, line, _items.Count);
        return _items.Count;
    }

    /// <summary>The next item for ReadAllAsync's enumerator: at once, or through a waiter; false once complete and empty.</summary>
    public ValueTask<bool> ReadAllAsync(Action<T> current, string file, int line)
    {
        ControlledOperation operation = Point("ChannelReader.ReadAllAsync");
        if (_canRead())
        {
            (bool next, Exception? error) = NextItem(operation, current, file, line);
            return error is null ? new ValueTask<bool>(next) : ValueTask.FromException<bool>(error);
        }
        return new ValueTask<bool>(TaskModel.Run("ChannelReader.ReadAllAsync", () =>
        {
            ControlledOperation reader = _runtime.Enter("ChannelReader.ReadAllAsync");
            _runtime.WaitUntil(reader, this, "ReadAllAsync", _canRead, Timeout.Infinite, file, line);
            (bool next, Exception? error) = NextItem(reader, current, file, line);
            return error is null ? next : throw error;
        }, file, line));
    }

    /// <summary>Takes the next item into <paramref name="current"/>; at the end, false and the completion's error if there was one.</summary>
    private (bool Next, Exception? Error) NextItem(ControlledOperation operation, Action<T> current, string file, int line)
    {
        if (!Take(operation, "ReadAllAsync", file, line, out T item)) return (false, _error);
        current(item);
        return (true, null);
    }

    /// <summary>Writes (room assured by the caller's wait, or a dropping full mode); the ChannelClosedException to throw once complete.</summary>
    private Exception? Write(ControlledOperation operation, T item, string action, string file, int line)
    {
        if (IsComplete)
        {
            _runtime.Record(operation, action + " on a complete channel", Name, file, line, _items.Count);
            return new ChannelClosedException(_error);
        }
        if (!Add(item)) action += " dropped";
        _runtime.Races?.Release(operation, _clock);
        _runtime.Record(operation, action, Name, file, line, _items.Count);
        return null;
    }

    private bool WaitedToWrite(ControlledOperation operation, string file, int line)
    {
        _runtime.Races?.Acquire(operation, _clock);
        _runtime.Record(operation, IsComplete ? "WaitToWriteAsync found it complete" : "WaitToWriteAsync", Name, file, line, _items.Count);
        return !IsComplete;
    }

    private (bool Ready, Exception? Error) WaitedToRead(ControlledOperation operation, string file, int line)
    {
        _runtime.Races?.Acquire(operation, _clock);
        bool ready = _items.Count > 0;
        _runtime.Record(operation, ready ? "WaitToReadAsync" : "WaitToReadAsync found it complete", Name, file, line, _items.Count);
        return (ready, ready ? null : _error);
    }

    private (T Item, Exception? Error) ReadNow(ControlledOperation operation, string file, int line) =>
        Take(operation, "ReadAsync", file, line, out T item) ? (item, null) : (item, new ChannelClosedException(_error));

    /// <summary>Adds an item, dropping one if a bounded channel is full in a dropping mode: false if the new item itself was dropped.</summary>
    private bool Add(T item)
    {
        if (IsFull)
        {
            switch (_fullMode)
            {
                case BoundedChannelFullMode.DropWrite:
                    return false;
                case BoundedChannelFullMode.DropNewest:
                    _items.RemoveLast();
                    break;
                case BoundedChannelFullMode.DropOldest:
                    _items.RemoveFirst();
                    break;
            }
        }
        _items.AddLast(item);
        return true;
    }

    private bool Take(ControlledOperation operation, string action, string file, int line, out T item)
    {
        _runtime.Races?.Acquire(operation, _clock);
        if (_items.First is not { } first)
        {
            item = default!;
            _runtime.Record(operation, action + (IsComplete ? " found it complete" : " found it empty"), Name, file, line, 0);
            return false;
        }
        item = first.Value;
        _items.RemoveFirst();
        _runtime.Record(operation, action, Name, file, line, _items.Count);
        if (IsComplete && _items.Count == 0) Finish();
        return true;
    }

    /// <summary>Complete and drained: the reader's Completion task completes (faults with the completion's error).</summary>
    private void Finish()
    {
        Awaits.Completing(_completion.Task);
        if (_error is null) _completion.TrySetResult();
        else if (_error is OperationCanceledException canceled) _completion.TrySetCanceled(canceled.CancellationToken);
        else _completion.TrySetException(_error);
    }

    private ControlledOperation Point(string primitive)
    {
        ControlledOperation operation = _runtime.Enter(primitive);
        _runtime.SchedulingPoint(operation);
        return operation;
    }

    IEnumerable<ControlledOperation> IWaitResource.Holders => [];

    string IWaitResource.DescribeState() => (_items.Count, IsComplete) switch
    {
        (0, true) => "empty and complete",
        (0, false) => "empty, not complete: nobody has written an item or completed it",
        _ when IsFull => $"full: {_items.Count} of {_capacity}",
        _ => $"{_items.Count} items",
    };
}
