namespace Lab.Benchmarks.Rewritten;

/// <summary>
/// The engine benchmark's program as async code: two async operations, ten awaits each (a plain-field write, then
/// <c>await Task.Yield()</c>), started by main, which awaits both. Once rewritten, every await suspends into a
/// continuation the engine schedules, so each operation has ten scheduling points, as the thread versions do.
/// </summary>
public static class TenAwaitsEach
{
    /// <summary>One run of the program.</summary>
    public static async Task RunAsync()
    {
        var first = new Tally();
        var second = new Tally();
        Task a = TenAwaits(first);
        Task b = TenAwaits(second);
        await a;
        await b;
    }

    private static async Task TenAwaits(Tally tally)
    {
        for (int i = 0; i < 10; i++)
        {
            tally.Write(i);
            await Task.Yield();
        }
    }
}
