namespace Lab.Rewriting.Fixtures.Async;

/// <summary>Producers and consumers through async streams (<c>async IAsyncEnumerable&lt;T&gt;</c> and <c>await foreach</c>).</summary>
public sealed class AsyncStreamPrograms
{
    /// <summary>Items each consumer's stream yields: one, so DFS exhausts the correct form (two items each take over 100 000 schedules).</summary>
    private const int ItemsPerStream = 1;

    private readonly object _gate = new();
    private int _total;
    private int _produced;

    /// <summary>Two consumers, each draining its own stream, add what they get to one total without a lock: 2 unless an addition is lost.</summary>
    public static async Task<int> TwoConsumersAddingUnsynchronised()
    {
        var programs = new AsyncStreamPrograms();
        Task first = programs.AddAllUnsynchronised(Numbers(ItemsPerStream));
        Task second = programs.AddAllUnsynchronised(Numbers(ItemsPerStream));
        await Task.WhenAll(first, second);
        return programs._total;
    }

    /// <summary>The same with each addition under a lock: always 2.</summary>
    public static async Task<int> TwoConsumersAddingUnderALock()
    {
        var programs = new AsyncStreamPrograms();
        Task first = programs.AddAllUnderALock(Numbers(ItemsPerStream));
        Task second = programs.AddAllUnderALock(Numbers(ItemsPerStream));
        await Task.WhenAll(first, second);
        return programs._total;
    }

    /// <summary>
    /// A producer that counts what it produced before yielding it, and a consumer that checks the count after each item:
    /// the stream orders the two (no race, always equal); returns the number of items seen.
    /// </summary>
    public static async Task<int> ConsumerSeesWhatTheProducerDid()
    {
        var programs = new AsyncStreamPrograms();
        int seen = 0;
        await foreach (int item in programs.CountedNumbers(3))
        {
            seen++;
            if (programs._produced != item) throw new InvalidOperationException($"item {item} seen with {programs._produced} produced");
        }
        return seen;
    }

    /// <summary>Leaves the stream after its first item: the producer's finally runs through DisposeAsync; returns 1 if it did.</summary>
    public static async Task<int> BreakOutOfTheStream()
    {
        var programs = new AsyncStreamPrograms();
        await foreach (int item in programs.NumbersWithCleanUp(3))
        {
            if (item == 1) break;
        }
        return programs._produced;
    }

    /// <summary>The same as <see cref="ConsumerSeesWhatTheProducerDid"/> through WithCancellation and ConfigureAwait(false); returns the items seen.</summary>
    public static async Task<int> ConsumerOfAConfiguredStream()
    {
        var programs = new AsyncStreamPrograms();
        using var cancellation = new CancellationTokenSource();
        int seen = 0;
        await foreach (int item in programs.CountedNumbers(2).WithCancellation(cancellation.Token).ConfigureAwait(false))
        {
            seen++;
            if (programs._produced != item) throw new InvalidOperationException($"item {item} seen with {programs._produced} produced");
        }
        return seen;
    }

    private async Task AddAllUnsynchronised(IAsyncEnumerable<int> numbers)
    {
        await foreach (int number in numbers) // @line:stream-foreach
        {
            _total += number; // @line:stream-add
        }
    }

    private async Task AddAllUnderALock(IAsyncEnumerable<int> numbers)
    {
        await foreach (int number in numbers)
        {
            lock (_gate) _total += number;
        }
    }

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            await Task.Yield(); // @line:stream-yield
            yield return i;
        }
    }

    private async IAsyncEnumerable<int> CountedNumbers(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            await Task.Yield();
            _produced++;
            yield return i;
        }
    }

    private async IAsyncEnumerable<int> NumbersWithCleanUp(int count)
    {
        try
        {
            for (int i = 1; i <= count; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }
        finally
        {
            await Task.Yield();
            _produced = 1;
        }
    }
}
