namespace Lab.Rewriting.Fixtures.Async;

/// <summary>A UI-style context: the engine runs whatever is on it one thing at a time, as a UI thread does.</summary>
public sealed class UiContext : SynchronizationContext
{
}

/// <summary>Sync over async on a single-threaded context (the classic deadlock), and the two ways out.</summary>
public static class UiPrograms
{
    /// <summary>A click handler that blocks the UI thread on an async load whose continuation needs the UI thread.</summary>
    public static string BlockOnTheLoad()
    {
        SynchronizationContext.SetSynchronizationContext(new UiContext());
        try
        {
            return LoadAsync().Result; // @line:ui-result
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    /// <summary>The same block, on a load whose await does not come back to the context: no deadlock.</summary>
    public static string BlockOnALoadThatLeavesTheContext()
    {
        SynchronizationContext.SetSynchronizationContext(new UiContext());
        try
        {
            return LoadWithoutTheContextAsync().Result;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    /// <summary>The handler awaiting the load on the UI context: the continuation runs on it once the UI thread is free.</summary>
    public static async Task AwaitTheLoad()
    {
        SynchronizationContext.SetSynchronizationContext(new UiContext());
        string loaded = await LoadAsync();
        if (SynchronizationContext.Current is not UiContext) throw new InvalidOperationException("resumed off the UI context");
        if (loaded != "loaded") throw new InvalidOperationException(loaded);
    }

    private static async Task<string> LoadAsync()
    {
        await Task.Delay(10); // @line:ui-load-await
        return "loaded";
    }

    private static async Task<string> LoadWithoutTheContextAsync()
    {
        await Task.Delay(10).ConfigureAwait(false);
        return "loaded";
    }
}
