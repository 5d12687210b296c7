using System.Threading.Channels;

namespace Lab.Rewriting.Fixtures.Async;

/// <summary>Producers and consumers through System.Threading.Channels, in buggy and correct forms.</summary>
public static class ChannelPrograms
{
    /// <summary>
    /// A producer offers 1 and 2 to a channel of capacity 1 with TryWrite and ignores its false: if the consumer has not
    /// taken 1 yet, 2 is lost. Returns the sum the consumer read (3 if nothing was lost).
    /// </summary>
    public static async Task<int> TryWriteIgnoringAFullChannel()
    {
        Channel<int> channel = Channel.CreateBounded<int>(1); // @line:channel-bounded
        Task<int> consumer = Sum(channel.Reader);
        for (int item = 1; item <= 2; item++)
        {
            channel.Writer.TryWrite(item); // @line:channel-trywrite
            await Task.Yield();
        }
        channel.Writer.Complete();
        return await consumer;
    }

    /// <summary>With WriteAsync, which waits while the channel is full, and a consumer reading two items with ReadAsync: always 3.</summary>
    public static async Task<int> WriteAsyncWaitingForRoom()
    {
        Channel<int> channel = Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.Wait });
        Task<int> consumer = ReadTwo(channel.Reader);
        await channel.Writer.WriteAsync(1);
        await channel.Writer.WriteAsync(2);
        return await consumer;
    }

    /// <summary>A producer writes two items and forgets Complete: the consumer's ReadAllAsync waits for ever, and so does the body.</summary>
    public static async Task<int> ForgetToComplete()
    {
        Channel<int> channel = Channel.CreateUnbounded<int>(); // @line:channel-create
        Task<int> consumer = SumAll(channel.Reader);
        channel.Writer.TryWrite(1);
        channel.Writer.TryWrite(2);
        return await consumer; // @line:channel-await-consumer
    }

    /// <summary>The same with Complete after the writes: ReadAllAsync ends after the last item, always 3.</summary>
    public static async Task<int> CompleteAfterWriting()
    {
        Channel<int> channel = Channel.CreateUnbounded<int>();
        Task<int> consumer = SumAll(channel.Reader);
        channel.Writer.TryWrite(1);
        channel.Writer.TryWrite(2);
        channel.Writer.Complete();
        return await consumer;
    }

    /// <summary>
    /// Writes two items into a channel of capacity 1 before starting the only reader, which it awaits afterwards:
    /// the second write waits for room only the reader could make, and the reader is never started.
    /// </summary>
    public static async Task<int> FillBeforeStartingTheReader()
    {
        Channel<int> channel = Channel.CreateBounded<int>(1); // @line:channel-full
        await channel.Writer.WriteAsync(1);
        await channel.Writer.WriteAsync(2); // @line:channel-full-write
        channel.Writer.Complete();
        return await SumAll(channel.Reader);
    }

    /// <summary>
    /// WaitToReadAsync/TryRead and WaitToWriteAsync/TryWrite loops, Count and Completion on an unbounded channel: the
    /// consumer reads 1 and 2 and Completion is done after the last; returns the sum.
    /// </summary>
    public static async Task<int> WaitToReadAndWaitToWrite()
    {
        Channel<int> channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        Task<int> consumer = SumWaitingToRead(channel.Reader);
        for (int item = 1; item <= 2; item++)
        {
            if (await channel.Writer.WaitToWriteAsync()) channel.Writer.TryWrite(item);
        }
        if (!channel.Writer.TryComplete()) throw new InvalidOperationException("the channel was complete already");
        int sum = await consumer;
        await channel.Reader.Completion;
        if (channel.Reader.Count != 0) throw new InvalidOperationException("items left after Completion");
        return sum;
    }

    private static async Task<int> Sum(ChannelReader<int> reader)
    {
        int sum = 0;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out int item)) sum += item;
        }
        return sum;
    }

    /// <summary>
    /// A producer fills in an order and then writes it to a channel; the consumer reads the order's fields after taking
    /// it. The channel orders the two (no race); returns the quantity the consumer saw, always 5.
    /// </summary>
    public static async Task<int> HandAnOrderOver()
    {
        Channel<Order> channel = Channel.CreateBounded<Order>(1);
        Task<int> consumer = QuantityOfTheNextOrder(channel.Reader);
        var order = new Order();
        order.Quantity = 5;
        await channel.Writer.WriteAsync(order);
        return await consumer;
    }

    private static async Task<int> QuantityOfTheNextOrder(ChannelReader<Order> reader)
    {
        Order order = await reader.ReadAsync();
        return order.Quantity;
    }

    private static async Task<int> ReadTwo(ChannelReader<int> reader)
    {
        int first = await reader.ReadAsync();
        return first + await reader.ReadAsync();
    }

    private static async Task<int> SumAll(ChannelReader<int> reader)
    {
        int sum = 0;
        await foreach (int item in reader.ReadAllAsync()) // @line:channel-read-all
        {
            sum += item;
        }
        return sum;
    }

    private static async Task<int> SumWaitingToRead(ChannelReader<int> reader)
    {
        int sum = 0;
        while (await reader.WaitToReadAsync())
        {
            if (reader.TryRead(out int item)) sum += item;
            else sum += await reader.ReadAsync();
        }
        return sum;
    }
}

/// <summary>What <see cref="ChannelPrograms.HandAnOrderOver"/> hands over: a mutable object, so the handover needs the channel's ordering.</summary>
public sealed class Order
{
    /// <summary>Written by the producer before it writes the order to the channel.</summary>
    public int Quantity { get; set; }
}
