namespace Lab.Rewriting.Fixtures.Async;

/// <summary>Cancellation in async code: a check-then-act on a disposed source, and a loop stopped by CancelAfter.</summary>
public static class CancellationPrograms
{
    /// <summary>A worker cancels the source unless it already is, while the owner disposes it without waiting for the worker.</summary>
    public static async Task CancelAfterDispose()
    {
        var source = new CancellationTokenSource();
        Task worker = Task.Run(() =>
        {
            if (!source.IsCancellationRequested) source.Cancel(); // @line:cancel-disposed
        });
        source.Dispose();
        await worker;
    }

    /// <summary>The owner awaits the worker before disposing: always fine.</summary>
    public static async Task CancelThenDispose()
    {
        var source = new CancellationTokenSource();
        Task worker = Task.Run(() =>
        {
            if (!source.IsCancellationRequested) source.Cancel();
        });
        await worker;
        source.Dispose();
    }

    /// <summary>Polls every 3 ms until a CancelAfter(10) fires; returns how many rounds ran (at most 4 on virtual time).</summary>
    public static async Task<int> PollUntilCancelled()
    {
        using var source = new CancellationTokenSource();
        source.CancelAfter(10);
        CancellationToken token = source.Token;
        int rounds = 0;
        while (!token.IsCancellationRequested)
        {
            rounds++;
            await Task.Delay(3);
        }
        return rounds;
    }

    /// <summary>One task checks the token while another cancels its source: 1 if the check saw the cancel, else 2.</summary>
    public static async Task<int> CheckWhileAnotherCancels()
    {
        var source = new CancellationTokenSource();
        CancellationToken token = source.Token;
        Task<int> checker = Task.Run(() => token.IsCancellationRequested ? 1 : 2);
        Task canceller = Task.Run(() => source.Cancel());
        await canceller;
        return await checker;
    }

    /// <summary>One task registers a callback while another cancels: 1 if the callback ran in Cancel, 2 if in Register.</summary>
    public static async Task<int> RegisterWhileAnotherCancels()
    {
        var source = new CancellationTokenSource();
        CancellationToken token = source.Token;
        int ranIn = 0;
        Task registrar = Task.Run(() =>
        {
            bool before = token.IsCancellationRequested;
            token.Register(() => ranIn = before ? 3 : 2);
        });
        Task canceller = Task.Run(() => source.Cancel());
        await registrar;
        await canceller;
        return ranIn;
    }
}
