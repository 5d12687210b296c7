using Lab.Scenarios.Signalling;
using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;

namespace Lab.Cli.Exercises.Oracles;

/// <summary>Oracles of the if-instead-of-while exercise: a queue loses nothing, duplicates nothing, and keeps the order.</summary>
public static class BlockingQueueOracles
{
    /// <summary>The items the producer puts, in order.</summary>
    private static readonly int[] Produced = [5, 8, 13];

    /// <summary>
    /// Alone, 21 and 34 come out in the order they went in; then a producer puts 5, 8 and 13 while one consumer takes two
    /// items and another takes one: together they get each item exactly once, and the first consumer gets its two in order.
    /// </summary>
    public static ExerciseOracle FifoWithoutLossOrDuplicate { get; } = ExerciseOracle.Of<IBlockingQueue>("fifo-no-loss-no-duplicate",
        "21 and 34 come out in order; then 5, 8, 13 put while two consumers take 2 + 1: each item once, in order per consumer",
        dfsPreemptionBound: 2, Run);

    /// <summary>Every oracle of the exercise.</summary>
    public static IReadOnlyList<ExerciseOracle> All { get; } = [FifoWithoutLossOrDuplicate];

    private static void Run(IBlockingQueue queue)
    {
        queue.Put(21);
        queue.Put(34);
        ExerciseOracle.Expect(queue.Take(), 21, "the first item taken after putting 21 then 34");
        ExerciseOracle.Expect(queue.Take(), 34, "the second item taken after putting 21 then 34");
        int[] firstGot = new int[2];
        int secondGot = 0;
        var consumer1 = new ControlledThread(() =>
        {
            firstGot[0] = queue.Take();
            firstGot[1] = queue.Take();
        }, "consumer1");
        var consumer2 = new ControlledThread(() => secondGot = queue.Take(), "consumer2");
        var producer = new ControlledThread(() =>
        {
            foreach (int item in Produced) queue.Put(item);
        }, "producer");
        consumer1.Start();
        consumer2.Start();
        producer.Start();
        consumer1.Join();
        consumer2.Join();
        producer.Join();
        int[] all = [firstGot[0], firstGot[1], secondGot];
        Specification.Assert(all.Order().SequenceEqual(Produced),
            $"the consumers got {firstGot[0]}, {firstGot[1]} and {secondGot}, expected 5, 8 and 13 once each: an item was lost, duplicated or made up");
        Specification.Assert(Array.IndexOf(Produced, firstGot[0]) < Array.IndexOf(Produced, firstGot[1]),
            $"consumer1 took {firstGot[0]} and then {firstGot[1]}, but {firstGot[1]} was put first: the queue is not first in, first out");
    }
}
