namespace Lab.Rewriting.Fixtures.Async;

/// <summary>Two async locks (SemaphoreSlim.WaitAsync without a time-out) taken in opposite orders, and in one order.</summary>
public sealed class AsyncLockOrder
{
    private readonly SemaphoreSlim _orders = new(1, 1);
    private readonly SemaphoreSlim _stock = new(1, 1);

    /// <summary>Takes <paramref name="first"/>, then <paramref name="second"/>, each with WaitAsync.</summary>
    private static async Task BothAsync(SemaphoreSlim first, SemaphoreSlim second)
    {
        await first.WaitAsync();
        try
        {
            await second.WaitAsync(); // @line:second-wait
            second.Release();
        }
        finally
        {
            first.Release();
        }
    }

    /// <summary>Orders, then stock; and stock, then orders: an await deadlock in some schedules.</summary>
    public static async Task OppositeOrders()
    {
        var locks = new AsyncLockOrder();
        await Task.WhenAll(
            Task.Run(() => BothAsync(locks._orders, locks._stock)),
            Task.Run(() => BothAsync(locks._stock, locks._orders)));
    }

    /// <summary>Orders, then stock, for both: never a deadlock.</summary>
    public static async Task OneOrder()
    {
        var locks = new AsyncLockOrder();
        await Task.WhenAll(
            Task.Run(() => BothAsync(locks._orders, locks._stock)),
            Task.Run(() => BothAsync(locks._orders, locks._stock)));
    }
}
