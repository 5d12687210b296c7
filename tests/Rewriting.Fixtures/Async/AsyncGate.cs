namespace Lab.Rewriting.Fixtures.Async;

/// <summary>An "async lock" made of SemaphoreSlim.WaitAsync with a time-out, released correctly and on a path that never acquired it.</summary>
public sealed class AsyncGate
{
    private readonly SemaphoreSlim _gate = new(1);
    private bool _inside;

    /// <summary>Gives up after 10 ms, but releases in finally either way: a time-out adds a permit nobody took.</summary>
    public async Task UpdateReleasingAlwaysAsync()
    {
        try
        {
            if (!await _gate.WaitAsync(10)) return; // @line:gate-wait
            await CriticalSectionAsync();
        }
        finally
        {
            _gate.Release(); // @line:gate-release
        }
    }

    /// <summary>Releases only what it acquired.</summary>
    public async Task UpdateReleasingWhatItTookAsync()
    {
        if (!await _gate.WaitAsync(10)) return;
        try
        {
            await CriticalSectionAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Three updates through the gate at once; throws if two are ever inside together.</summary>
    public static async Task Run(bool releaseAlways)
    {
        var gate = new AsyncGate();
        Task Update() => releaseAlways ? gate.UpdateReleasingAlwaysAsync() : gate.UpdateReleasingWhatItTookAsync();
        await Task.WhenAll(Update(), Update(), Update());
    }

    /// <summary>The buggy gate, as an async test body.</summary>
    public static Task RunReleasingAlways() => Run(releaseAlways: true);

    /// <summary>The correct gate, as an async test body.</summary>
    public static Task RunReleasingWhatItTook() => Run(releaseAlways: false);

    private async Task CriticalSectionAsync()
    {
        if (_inside) throw new InvalidOperationException("two updates are inside the async lock"); // @line:gate-inside
        _inside = true;
        await Task.Yield();
        _inside = false;
    }
}
