namespace Lab.Systematic.Detection;

/// <summary>A vector clock indexed by operation id; grows as operations are created.</summary>
internal sealed class VectorClock
{
    private int[] _entries;

    public VectorClock(int capacity = 4) => _entries = new int[capacity];

    public int this[int operation] => operation < _entries.Length ? _entries[operation] : 0;

    public void Tick(int operation)
    {
        Grow(operation + 1);
        _entries[operation]++;
    }

    /// <summary>Pointwise maximum: after it, everything that happened before <paramref name="other"/> happened before this.</summary>
    public void Join(VectorClock other)
    {
        Grow(other._entries.Length);
        for (int i = 0; i < other._entries.Length; i++) _entries[i] = Math.Max(_entries[i], other._entries[i]);
    }

    public VectorClock Copy()
    {
        var copy = new VectorClock(_entries.Length);
        Array.Copy(_entries, copy._entries, _entries.Length);
        return copy;
    }

    private void Grow(int length)
    {
        if (length > _entries.Length) Array.Resize(ref _entries, Math.Max(length, _entries.Length * 2));
    }
}
