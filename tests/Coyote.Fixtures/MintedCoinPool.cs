using Lab.Systematic.Specifications;

namespace Lab.Coyote.Fixtures;

/// <summary>
/// One connection behind a semaphore; a user that goes on after its wait failed uses the connection alongside its
/// owner. With a timed wait (<c>Wait(1)</c>) the failure needs a time-out, which Coyote never takes (it treats timed
/// waits as infinite); with <c>Wait(0)</c> the failure is immediate, and Coyote sees it.
/// </summary>
public sealed class MintedCoinPool(int waitMilliseconds)
{
    private readonly SemaphoreSlim _connections = new(1);
    private int _inside;

    /// <summary>The harness: two users at once, each checking that it is alone on the connection.</summary>
    public static void Run(int waitMilliseconds)
    {
        var pool = new MintedCoinPool(waitMilliseconds);
        var first = new Thread(pool.Use);
        var second = new Thread(pool.Use);
        first.Start();
        second.Start();
        first.Join();
        second.Join();
    }

    private void Use()
    {
        // The bug: the result of the wait is ignored, and the finally releases a permit that was never taken.
        try
        {
            _connections.Wait(waitMilliseconds);
            int inside = Interlocked.Increment(ref _inside);
            Specification.Assert(inside == 1, $"{inside} threads use the single connection at once");
            Interlocked.Decrement(ref _inside);
        }
        finally
        {
            _connections.Release();
        }
    }
}
