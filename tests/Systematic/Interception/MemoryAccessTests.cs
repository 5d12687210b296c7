using System.Threading;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>Plain fields, array elements and collections, hooked as rewritten code hooks them.</summary>
public sealed class MemoryAccessTests
{
    private sealed class Counter
    {
        public int Count;
    }

    private static int s_total;
    private static int s_readLine, s_writeLine;

    /// <summary>count++ on a plain field from two threads, as the rewriter leaves it: a hook before each access.</summary>
    private static void PlainIncrement()
    {
        var counter = new Counter();
        void Increment()
        {
            s_readLine = Site.Line(); MemoryAccess.ReadField(counter, "Counter.Count", Site.File(), s_readLine);
            int seen = counter.Count;
            s_writeLine = Site.Line(); MemoryAccess.WriteField(counter, "Counter.Count", Site.File(), s_writeLine);
            counter.Count = seen + 1;
        }
        Thread first = ThreadStandIn.New(Increment, Site.File(), Site.Line());
        Thread second = ThreadStandIn.New(Increment, Site.File(), Site.Line());
        ThreadStandIn.Start(first, Site.File(), Site.Line());
        ThreadStandIn.Start(second, Site.File(), Site.Line());
        ThreadStandIn.Join(first, Site.File(), Site.Line());
        ThreadStandIn.Join(second, Site.File(), Site.Line());
        MemoryAccess.ReadField(counter, "Counter.Count", Site.File(), Site.Line());
        Specification.Assert(counter.Count == 2, $"count is {counter.Count}, expected 2");
    }

    [Test]
    public void PlainFieldIncrement_FromTwoThreads_LosesAnUpdate_WithARaceOnTheField_AndReplays()
    {
        TestReport report = Exploring.Randomly(PlainIncrement);

        Assert.That(report, Finds.AssertionFailure().Mentioning("count is 1"));
        Assert.That(report.FirstRace!.Message, Does.Contain("data race on 'Counter.Count'"));
        Assert.That(report.FirstRace.Message, Does.Contain(Site.At(s_readLine)).Or.Contain(Site.At(s_writeLine)));
        Assert.That(report.Trace!.Steps.Select(s => s.Describe()), Does.Contain("write Counter.Count"));
        Assert.That(Exploring.Replayed(report, PlainIncrement), Is.EqualTo(report.Bug! with { StackTrace = null }));
    }

    [Test]
    public void PlainFieldIncrement_UnderALock_IsBugFree_AndRaceFree()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var counter = new Counter();
            var gate = new object();
            void Increment()
            {
                bool taken = false;
                MonitorStandIn.Enter(gate, ref taken, Site.File(), Site.Line(), "gate");
                MemoryAccess.ReadField(counter, "Counter.Count", Site.File(), Site.Line());
                int seen = counter.Count;
                MemoryAccess.WriteField(counter, "Counter.Count", Site.File(), Site.Line());
                counter.Count = seen + 1;
                MonitorStandIn.Exit(gate, Site.File(), Site.Line(), "gate");
            }
            Thread first = ThreadStandIn.New(Increment, Site.File(), Site.Line());
            ThreadStandIn.Start(first, Site.File(), Site.Line());
            Increment();
            ThreadStandIn.Join(first, Site.File(), Site.Line());
            MemoryAccess.ReadField(counter, "Counter.Count", Site.File(), Site.Line());
            Specification.Assert(counter.Count == 2, "count must be 2");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
    }

    [Test]
    public void SameFieldOfTwoObjects_IsTwoLocations_SoNoRace()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var mine = new Counter();
            var yours = new Counter();
            Thread other = ThreadStandIn.New(() =>
            {
                MemoryAccess.WriteField(yours, "Counter.Count", Site.File(), Site.Line());
                yours.Count = 1;
            }, Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            MemoryAccess.WriteField(mine, "Counter.Count", Site.File(), Site.Line());
            mine.Count = 1;
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.FirstRace, Is.Null);
    }

    [Test]
    public void StaticField_IsOneLocation_ForEveryThread()
    {
        int writeLine = 0;
        TestReport report = Exploring.Exhaustively(() =>
        {
            void Add()
            {
                MemoryAccess.ReadField(null, "MemoryAccessTests.s_total", Site.File(), Site.Line());
                int seen = s_total;
                writeLine = Site.Line(); MemoryAccess.WriteField(null, "MemoryAccessTests.s_total", Site.File(), writeLine);
                s_total = seen + 1;
            }
            MemoryAccess.WriteField(null, "MemoryAccessTests.s_total", Site.File(), Site.Line());
            s_total = 0;
            Thread other = ThreadStandIn.New(Add, Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            Add();
        });

        Assert.That(report, Finds.DataRace().Mentioning("data race on 'MemoryAccessTests.s_total'"));
        Assert.That(report.Bug!.Location, Does.StartWith("MemoryAccessTests.cs:"));
    }

    [Test]
    public void ArrayElements_RaceOnlyOnTheSameIndex_AndTracesNameTheElement()
    {
        static Action Body(int secondIndex) => () =>
        {
            var slots = new int[2];
            Thread other = ThreadStandIn.New(() =>
            {
                MemoryAccess.WriteElement(slots, 0, Site.File(), Site.Line());
                slots[0] = 1;
            }, Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            MemoryAccess.WriteElement(slots, secondIndex, Site.File(), Site.Line());
            slots[secondIndex] = 2;
        };

        TestReport distinct = Exploring.Exhaustively(Body(1));
        TestReport same = Exploring.Exhaustively(Body(0));

        Assert.That(distinct, Is.BugFree());
        Assert.That(same, Finds.DataRace().Mentioning("data race on 'Int32[0]'"));
        Assert.That(same.Trace!.Steps.Select(s => s.Describe()), Does.Contain("write Int32[0]"));
    }

    [Test]
    public void CollectionCalls_RaceOnTheWholeCollection_AndStepsNameTheMember()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var items = new List<int>();
            Thread other = ThreadStandIn.New(() =>
            {
                MemoryAccess.WriteCollection(items, "Add", Site.File(), Site.Line());
                items.Add(1);
            }, Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            MemoryAccess.ReadCollection(items, "Count", Site.File(), Site.Line());
            _ = items.Count;
            ThreadStandIn.Join(other, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.DataRace().Mentioning("data race on 'List<Int32>'"));
        Assert.That(report.Trace!.Steps.Select(s => s.Describe()), Does.Contain("Add(List<Int32>)").Or.Contain("Count(List<Int32>)").Or.Contain("get_Count(List<Int32>)"));
    }

    [Test]
    public void Hooks_AreSchedulingPoints_SoDfsCountsEveryInterleavingOfTwoFieldWriters()
    {
        // Like the engine's TwoWriters program with Shared<T>: k writes per thread give C(2k, k) schedules.
        const int k = 3;
        TestReport report = Exploring.Exhaustively(() =>
        {
            var a = new Counter();
            var b = new Counter();
            Thread writerA = ThreadStandIn.New(() => Write(a, k), Site.File(), Site.Line());
            Thread writerB = ThreadStandIn.New(() => Write(b, k), Site.File(), Site.Line());
            ThreadStandIn.Start(writerA, Site.File(), Site.Line());
            ThreadStandIn.Start(writerB, Site.File(), Site.Line());
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.Iterations, Is.EqualTo(70), "3 writes each, plus each thread's beginning: C(8, 4)");
    }

    private static void Write(Counter counter, int times)
    {
        for (int i = 1; i <= times; i++)
        {
            MemoryAccess.WriteField(counter, "Counter.Count", Site.File(), Site.Line());
            counter.Count = i;
        }
    }

    [Test]
    public void Hooks_OutsideAnExploration_DoNothing()
    {
        var counter = new Counter();
        var slots = new int[1];

        MemoryAccess.WriteField(counter, "Counter.Count", Site.File(), Site.Line());
        counter.Count = 5;
        MemoryAccess.ReadField(null, "MemoryAccessTests.s_total", Site.File(), Site.Line());
        MemoryAccess.WriteElement(slots, 0, Site.File(), Site.Line());
        slots[0] = 3;
        MemoryAccess.ReadCollection(slots, "Length", Site.File(), Site.Line());

        Assert.That((counter.Count, slots[0]), Is.EqualTo((5, 3)));
    }

    [Test]
    public void Locations_AreForgottenBetweenIterations_SoNothingStaysAlive()
    {
        WeakReference? previous = null;
        bool previousCollected = true;
        int iteration = 0;
        TestReport report = TestingEngine.Explore(TestContext.CurrentContext.Test.Name, () =>
        {
            if (previous is not null)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                previousCollected &= !previous.IsAlive;
            }
            previous = NewTouchedCounter();
            iteration++;
        }, ExplorationOptions.Default.WithIterations(3).WithParallelism(1));

        Assert.That(report, Is.BugFree());
        Assert.That(iteration, Is.GreaterThanOrEqualTo(3));
        Assert.That(previousCollected, Is.True, "a counter touched in one iteration is still referenced in the next");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference NewTouchedCounter()
    {
        var counter = new Counter();
        MemoryAccess.WriteField(counter, "Counter.Count", Site.File(), Site.Line());
        counter.Count = 1;
        return new WeakReference(counter);
    }
}
