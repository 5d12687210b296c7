namespace Lab.Benchmarks.Rewritten;

/// <summary>A plain field one thread writes ten times: each write is one hooked access in the rewritten assembly.</summary>
internal sealed class Tally
{
    private int _last;

    /// <summary>Ten writes of the field, nothing else shared.</summary>
    public void TenWrites()
    {
        for (int i = 0; i < 10; i++) _last = i;
    }

    /// <summary>One write of the field.</summary>
    public void Write(int value) => _last = value;

    /// <summary>The last value written, so the field is not dead.</summary>
    public int Last => _last;
}
