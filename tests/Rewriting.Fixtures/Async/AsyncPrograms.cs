namespace Lab.Rewriting.Fixtures.Async;

/// <summary>Small async programs, each using one construct the engine controls, in a buggy and a correct form.</summary>
public static class AsyncPrograms
{
    /// <summary>Awaits two Task.Run results; always 3.</summary>
    public static async Task<int> SumOfTwoRuns()
    {
        Task<int> one = Task.Run(() => 1);
        Task<int> two = Task.Run(() => 2);
        return await one + await two.ConfigureAwait(false);
    }

    /// <summary>An async test body: throws when the sum is wrong, which it never is.</summary>
    public static async Task SumIsThree()
    {
        int sum = await SumOfTwoRuns();
        if (sum != 3) throw new InvalidOperationException($"sum is {sum}, expected 3");
    }

    /// <summary>Starts a save and reads the saved flag without awaiting it (the missing await): 0 whenever the read wins.</summary>
    public static async Task<int> ReadWithoutAwaitingTheSave()
    {
        var store = new Store();
        _ = store.SaveAsync(); // @line:missing-await
        await Task.Yield();
        return store.Saved;
    }

    /// <summary>The same with the save awaited: always 1.</summary>
    public static async Task<int> ReadAfterAwaitingTheSave()
    {
        var store = new Store();
        await store.SaveAsync();
        return store.Saved;
    }

    /// <summary>A piece of work raced against a timeout with WhenAny: true when the work won.</summary>
    public static async Task<bool> WorkBeatsTheTimeout()
    {
        Task work = Task.Run(() => { });
        Task winner = await Task.WhenAny(work, Task.Delay(100));
        return winner == work;
    }

    /// <summary>Two producers complete one TaskCompletionSource after checking it is not done: SetResult twice throws.</summary>
    public static async Task<int> CheckThenSetResult()
    {
        var answer = new TaskCompletionSource<int>();
        Task first = Task.Run(() =>
        {
            if (!answer.Task.IsCompleted) answer.SetResult(1); // @line:tcs-set
        });
        Task second = Task.Run(() =>
        {
            if (!answer.Task.IsCompleted) answer.SetResult(2); // @line:tcs-set-second
        });
        int value = await answer.Task;
        await Task.WhenAll(first, second);
        return value;
    }

    /// <summary>The same with TrySetResult, which never throws: the first producer wins.</summary>
    public static async Task<int> TrySetResult()
    {
        var answer = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task first = Task.Run(() => answer.TrySetResult(1));
        Task second = Task.Run(() => answer.TrySetResult(2));
        int value = await answer.Task;
        await Task.WhenAll(first, second);
        return value;
    }

    /// <summary>Two async methods, each handed the other's task and awaiting it: a deadlock through awaits.</summary>
    public static async Task AwaitEachOther()
    {
        var firstTask = new TaskCompletionSource<Task>();
        var secondTask = new TaskCompletionSource<Task>();
        Task first = First(secondTask.Task);
        Task second = Second(firstTask.Task);
        firstTask.SetResult(first);
        secondTask.SetResult(second);
        await Task.WhenAll(first, second);
    }

    private static async Task First(Task<Task> second)
    {
        Task other = await second;
        await other; // @line:await-second
    }

    private static async Task Second(Task<Task> first)
    {
        Task other = await first;
        await other;
    }

    /// <summary>Fires an async void handler that throws after its first await: the exception escapes where nothing can catch it.</summary>
    public static async Task FireAndForget()
    {
        OnClicked();
        await Task.Delay(10);
    }

    private static async void OnClicked()
    {
        await Task.Yield();
        throw new InvalidOperationException("the click handler failed"); // @line:async-void-throw
    }

    /// <summary>The handler returning Task, awaited: the exception reaches the caller, which handles it.</summary>
    public static async Task<string> AwaitTheHandler()
    {
        try
        {
            await OnClickedAsync();
            return "no exception";
        }
        catch (InvalidOperationException exception)
        {
            return exception.Message;
        }
    }

    private static async Task OnClickedAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("the click handler failed");
    }

    /// <summary>Starts a save that fails and never looks at its task again: the exception is lost.</summary>
    public static async Task ForgetAFailingSave()
    {
        _ = FailingSaveAsync();
        await Task.Delay(20);
    }

    /// <summary>Waits for the failing save with WhenAny, which does not observe its fault, and never reads it: lost.</summary>
    public static async Task WaitForAFailingSaveWithoutReadingIt()
    {
        Task save = FailingSaveAsync();
        await Task.WhenAny(save);
    }

    /// <summary>The same, then reads the save's Exception: the fault reached someone.</summary>
    public static async Task ReadAFailingSavesException()
    {
        Task save = FailingSaveAsync();
        await Task.WhenAny(save);
        if (save.Exception is null) throw new InvalidOperationException("the save should have failed");
    }

    /// <summary>Blocks with Task.WaitAny on two async loads and returns which finished first: either may.</summary>
    public static int FirstOfTwoLoads()
    {
        Task<int> first = LoadAfterAYield(1);
        Task<int> second = LoadAfterAYield(2);
        return Task.WaitAny(new Task[] { first, second }); // @line:wait-any
    }

    /// <summary>WaitAny, then waits for both: the sum is always 3 whichever finished first.</summary>
    public static int SumAfterWaitingForAny()
    {
        Task<int> first = LoadAfterAYield(1);
        Task<int> second = LoadAfterAYield(2);
        int index = Task.WaitAny(new Task[] { first, second });
        int winner = index == 0 ? first.Result : second.Result;
        return winner + (index == 0 ? second.Result : first.Result);
    }

    private static async Task<int> LoadAfterAYield(int value)
    {
        await Task.Yield();
        return value;
    }

    /// <summary>Waits with Task.Wait for a save that fails before its first await, and handles the failure.</summary>
    public static string WaitForASaveThatFailsAtOnce()
    {
        Task save = FailAtOnceAsync();
        try
        {
            save.Wait();
            return "saved";
        }
        catch (AggregateException failure)
        {
            return failure.InnerException!.Message;
        }
    }

#pragma warning disable CS1998 // an async method without await: it faults before it could ever suspend
    private static async Task FailAtOnceAsync() => throw new InvalidOperationException("the disk is full");
#pragma warning restore CS1998

    /// <summary>Awaits Task.WhenAll of three typed loads: their results in the order given, whichever finished first.</summary>
    public static async Task<int> WeightedSumOfThreeLoads()
    {
        int[] values = await Task.WhenAll(new[] { LoadAfterAYield(1), LoadAfterAYield(2), LoadAfterAYield(3) });
        return values[0] * 100 + values[1] * 10 + values[2];
    }

    /// <summary>Awaits the failing save and handles its exception.</summary>
    public static async Task AwaitAFailingSave()
    {
        try
        {
            await FailingSaveAsync();
        }
        catch (InvalidOperationException)
        {
            // The save's failure is handled here: the caller knows.
        }
    }

    private static async Task FailingSaveAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("the save failed"); // @line:unobserved-throw
    }

    /// <summary>The smallest interleaving: two async steps that each yield once, awaited in turn.</summary>
    public static async Task TwoYieldingSteps()
    {
        Task first = Step();
        Task second = Step();
        await first;
        await second;
    }

    private static async Task Step()
    {
        await Task.Yield();
    }

    /// <summary>Sync over async: blocks on an async method's result (no SynchronizationContext, so no deadlock).</summary>
    public static int BlockOnTheSum() => SumOfTwoRuns().GetAwaiter().GetResult() + SumOfTwoRuns().Result;

    private sealed class Store
    {
        public int Saved;

        public async Task SaveAsync()
        {
            await Task.Delay(10);
            Saved = 1; // @line:save-write
        }
    }
}
