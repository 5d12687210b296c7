using System.Collections.Concurrent;
using System.Threading;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>Concurrent collections and BlockingCollection called as rewritten code calls them.</summary>
public sealed class CollectionStandInTests
{
    private sealed class Item
    {
        public int Payload;
    }

    private static void TwoThreads(Action body)
    {
        Thread other = ThreadStandIn.New(new ThreadStart(body), Site.File(), Site.Line());
        ThreadStandIn.Start(other, Site.File(), Site.Line());
        body();
        ThreadStandIn.Join(other, Site.File(), Site.Line());
    }

    private enum Creation { CheckThenAct, TryAdd, GetOrAddFactory }

    /// <summary>Two threads create a cache entry for the same key and count the creations.</summary>
    private static Action Cache(Creation creation) => () =>
    {
        var cache = new ConcurrentDictionary<string, int>();
        var created = new int[1];
        TwoThreads(() =>
        {
            if (creation == Creation.TryAdd)
            {
                if (ConcurrentDictionaryStandIn.TryAdd(cache, "key", 1, Site.File(), Site.Line(), "cache"))
                {
                    InterlockedStandIn.Increment(ref created[0], Site.File(), Site.Line(), "created");
                }
            }
            else if (creation == Creation.GetOrAddFactory)
            {
                ConcurrentDictionaryStandIn.GetOrAdd(cache, "key", _ => InterlockedStandIn.Increment(ref created[0], Site.File(), Site.Line(), "created"), Site.File(), Site.Line(), "cache");
            }
            else if (!ConcurrentDictionaryStandIn.ContainsKey(cache, "key", Site.File(), Site.Line(), "cache"))
            {
                ConcurrentDictionaryStandIn.set_Item(cache, "key", InterlockedStandIn.Increment(ref created[0], Site.File(), Site.Line(), "created"), Site.File(), Site.Line(), "cache");
            }
        });
        Specification.Assert(created[0] == 1, $"the entry was created {created[0]} times");
    };

    [Test]
    public void ConcurrentDictionary_CheckThenAct_CreatesTwice_ButTryAddIsOneAtomicStep()
    {
        TestReport racy = Exploring.Exhaustively(Cache(Creation.CheckThenAct));
        TestReport atomic = Exploring.Exhaustively(Cache(Creation.TryAdd));

        Assert.That(racy, Finds.AssertionFailure().Mentioning("created 2 times"));
        Assert.That(racy.Trace!.Steps.Select(s => s.Describe()), Does.Contain("ContainsKey(cache) = 0"));
        Assert.That(atomic, Is.BugFree());
        Assert.That(atomic.SpaceExhausted, Is.True);
    }

    [Test]
    public void ConcurrentDictionary_GetOrAddFactory_MayRunTwice_AsTheRealOneMay()
    {
        TestReport report = Exploring.Exhaustively(Cache(Creation.GetOrAddFactory));

        Assert.That(report, Finds.AssertionFailure().Mentioning("created 2 times"));
    }

    [Test]
    public void ConcurrentDictionary_AddOrUpdate_RunsItsFactoryOutsideTheLock_AndRetriesALostRace_SoNoUpdateIsLost()
    {
        var retried = false;
        TestReport report = Exploring.Exhaustively(() =>
        {
            var counts = new ConcurrentDictionary<string, int>();
            counts["hits"] = 0;
            var factoryRuns = new int[1];
            TwoThreads(() => ConcurrentDictionaryStandIn.AddOrUpdate(counts, "hits", 1, (_, old) =>
            {
                InterlockedStandIn.Increment(ref factoryRuns[0], Site.File(), Site.Line(), "factoryRuns");
                return old + 1;
            }, Site.File(), Site.Line(), "counts"));
            Specification.Assert(counts["hits"] == 2, $"hits is {counts["hits"]}, expected 2");
            retried |= factoryRuns[0] == 3;
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(retried, Is.True, "in some schedule one caller's update lost the race and its factory ran again");
    }

    [Test]
    public void ConcurrentQueue_HandsOverAnObject_WithoutARace_ButCountThenDequeueIsNotAtomic()
    {
        TestReport handover = Exploring.Exhaustively(() =>
        {
            var queue = new ConcurrentQueue<Item>();
            Thread producer = ThreadStandIn.New(() =>
            {
                var item = new Item();
                MemoryAccess.WriteField(item, "Item.Payload", Site.File(), Site.Line());
                item.Payload = 7;
                ConcurrentQueueStandIn.Enqueue(queue, item, Site.File(), Site.Line(), "queue");
            }, Site.File(), Site.Line());
            ThreadStandIn.Start(producer, Site.File(), Site.Line());
            if (ConcurrentQueueStandIn.TryDequeue(queue, out Item? got, Site.File(), Site.Line(), "queue"))
            {
                MemoryAccess.ReadField(got, "Item.Payload", Site.File(), Site.Line());
                Specification.Assert(got.Payload == 7, "the payload travels with the item");
            }
        });
        TestReport countThenTake = Exploring.Exhaustively(() =>
        {
            var queue = new ConcurrentQueue<int>();
            ConcurrentQueueStandIn.Enqueue(queue, 1, Site.File(), Site.Line(), "queue");
            TwoThreads(() =>
            {
                if (ConcurrentQueueStandIn.get_Count(queue, Site.File(), Site.Line(), "queue") > 0)
                {
                    Specification.Assert(ConcurrentQueueStandIn.TryDequeue(queue, out _, Site.File(), Site.Line(), "queue"), "the counted item was gone");
                }
            });
        });

        Assert.That(handover, Is.BugFree());
        Assert.That(handover.FirstRace, Is.Null);
        Assert.That(countThenTake, Finds.AssertionFailure().Mentioning("the counted item was gone"));
    }

    [Test]
    public void ConcurrentStackAndBag_NeverLoseOrDuplicateAnItem()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var stack = new ConcurrentStack<int>();
            var bag = new ConcurrentBag<int>();
            var popped = new int[1];
            TwoThreads(() =>
            {
                ConcurrentStackStandIn.Push(stack, 1, Site.File(), Site.Line(), "stack");
                ConcurrentBagStandIn.Add(bag, 1, Site.File(), Site.Line(), "bag");
                if (ConcurrentStackStandIn.TryPop(stack, out int value, Site.File(), Site.Line(), "stack")) InterlockedStandIn.Add(ref popped[0], value, Site.File(), Site.Line(), "popped");
            });
            int left = ConcurrentStackStandIn.get_Count(stack, Site.File(), Site.Line(), "stack");
            Specification.Assert(popped[0] + left == 2, "every pushed item is popped or still there");
            Specification.Assert(ConcurrentBagStandIn.ToArray(bag, Site.File(), Site.Line(), "bag").Length == 2, "both bag items are there");
        }, preemptionBound: 2);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    /// <summary>A producer adds three items to a bounded collection; a consumer drains it until adding is complete.</summary>
    private static Action Pipeline(bool completeAdding) => () =>
    {
        BlockingCollection<int> queue = BlockingCollectionStandIn.New<int>(1, Site.File(), Site.Line(), "Pipeline._queue");
        Thread producer = ThreadStandIn.New(() =>
        {
            for (int i = 1; i <= 3; i++) BlockingCollectionStandIn.Add(queue, i, Site.File(), Site.Line());
            if (completeAdding) BlockingCollectionStandIn.CompleteAdding(queue, Site.File(), Site.Line());
        }, Site.File(), Site.Line());
        ThreadStandIn.Start(producer, Site.File(), Site.Line());
        int sum = 0;
        foreach (int item in BlockingCollectionStandIn.GetConsumingEnumerable(queue, Site.File(), Site.Line())) sum += item;
        Specification.Assert(sum == 6, $"consumed {sum}");
        Specification.Assert(Expect.Throws<InvalidOperationException>(() => BlockingCollectionStandIn.Take(queue, Site.File(), Site.Line())), "Take on a completed, empty collection");
        ThreadStandIn.Join(producer, Site.File(), Site.Line());
    };

    [Test]
    public void BlockingCollection_BoundedPipelineWithCompleteAdding_IsBugFree_AndWithoutItDeadlocks()
    {
        TestReport right = Exploring.Exhaustively(Pipeline(completeAdding: true));
        TestReport forgotten = Exploring.Exhaustively(Pipeline(completeAdding: false));

        Assert.That(right, Is.BugFree());
        Assert.That(right.SpaceExhausted, Is.True);
        Assert.That(right.Trace, Is.Null);
        Assert.That(forgotten, Finds.Deadlock().Mentioning("waits for Pipeline._queue (empty)"));
    }

    [Test]
    public void BlockingCollection_TimedTake_TimesOutInSomeSchedules()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Exploring.Exhaustively(() =>
        {
            BlockingCollection<int> queue = BlockingCollectionStandIn.New<int>(Site.File(), Site.Line(), "queue");
            Thread producer = ThreadStandIn.New(() => BlockingCollectionStandIn.Add(queue, 1, Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(producer, Site.File(), Site.Line());
            outcomes.Add(BlockingCollectionStandIn.TryTake(queue, out _, 50, Site.File(), Site.Line()));
            ThreadStandIn.Join(producer, Site.File(), Site.Line());
        });

        Assert.That(report, Is.BugFree());
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void OutsideAnExploration_TheStandInsAreTheRealCollections()
    {
        var dictionary = new ConcurrentDictionary<int, string>();
        Assert.That(ConcurrentDictionaryStandIn.TryAdd(dictionary, 1, "one", "", 0, null), Is.True);
        Assert.That(ConcurrentDictionaryStandIn.GetOrAdd(dictionary, 1, "uno", "", 0, null), Is.EqualTo("one"));
        Assert.That(ConcurrentDictionaryStandIn.AddOrUpdate(dictionary, 1, "x", (_, old) => old + "!", "", 0, null), Is.EqualTo("one!"));
        Assert.That(ConcurrentDictionaryStandIn.TryRemove(dictionary, 1, out string? removed, "", 0, null) && removed == "one!", Is.True);
        var queue = new ConcurrentQueue<int>();
        ConcurrentQueueStandIn.Enqueue(queue, 5, "", 0, null);
        Assert.That(ConcurrentQueueStandIn.TryPeek(queue, out int peeked, "", 0, null) && peeked == 5, Is.True);
        Assert.That(ConcurrentQueueStandIn.TryDequeue(queue, out int dequeued, "", 0, null) && dequeued == 5, Is.True);
        Assert.That(ConcurrentQueueStandIn.get_IsEmpty(queue, "", 0, null), Is.True);
        using BlockingCollection<int> blocking = BlockingCollectionStandIn.New<int>(1, "", 0, null);
        BlockingCollectionStandIn.Add(blocking, 1, "", 0);
        Assert.That(BlockingCollectionStandIn.TryAdd(blocking, 2, 10, "", 0), Is.False, "bounded and full: a real timed add times out");
        Assert.That(BlockingCollectionStandIn.Take(blocking, "", 0), Is.EqualTo(1));
        BlockingCollectionStandIn.CompleteAdding(blocking, "", 0);
        Assert.That(BlockingCollectionStandIn.get_IsCompleted(blocking, "", 0), Is.True);
        Assert.Throws<InvalidOperationException>(() => BlockingCollectionStandIn.Take(blocking, "", 0));
    }
}
