namespace Lab.Workloads.Processes;

/// <summary>Keeps the last few lines of a stream that may be written from another thread, to explain a crash without storing everything.</summary>
internal sealed class LineTail
{
    private readonly int _capacity;
    private readonly Queue<string> _lines = new();

    /// <summary>Creates a tail that keeps at most <paramref name="capacity"/> lines.</summary>
    public LineTail(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Appends a line, forgetting the oldest one when full.</summary>
    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Snapshot()
    {
        lock (_lines)
        {
            return _lines.ToArray();
        }
    }
}
