using System.Threading;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>Interlocked, Volatile and barriers called as rewritten code calls them.</summary>
public sealed class AtomicStandInTests
{
    private sealed class Counter
    {
        public int Count;
        public long Total;
        public object? Slot;
    }

    [Test]
    public void InterlockedIncrements_NeverLoseAnUpdate_AndNeverRace_AndDfsCountsEveryOrder()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var counter = new Counter();
            void Add()
            {
                for (int i = 0; i < 3; i++) InterlockedStandIn.Increment(ref counter.Count, Site.File(), Site.Line(), "Counter.Count");
            }
            Thread first = ThreadStandIn.New(Add, Site.File(), Site.Line());
            Thread second = ThreadStandIn.New(Add, Site.File(), Site.Line());
            ThreadStandIn.Start(first, Site.File(), Site.Line());
            ThreadStandIn.Start(second, Site.File(), Site.Line());
        });
        TestReport joined = Exploring.Exhaustively(() =>
        {
            var counter = new Counter();
            void Add() => InterlockedStandIn.Add(ref counter.Total, 5, Site.File(), Site.Line(), "Counter.Total");
            Thread first = ThreadStandIn.New(Add, Site.File(), Site.Line());
            ThreadStandIn.Start(first, Site.File(), Site.Line());
            Add();
            ThreadStandIn.Join(first, Site.File(), Site.Line());
            Specification.Assert(InterlockedStandIn.Read(ref counter.Total, Site.File(), Site.Line(), "Counter.Total") == 10, "both adds landed");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.Iterations, Is.EqualTo(70), "3 increments each, plus each thread's beginning as a step of its own: C(8, 4) orders");
        Assert.That(joined, Is.BugFree());
        Assert.That(joined.FirstRace, Is.Null);
    }

    [Test]
    public void CheckThenActWithVolatile_IsNotAtomic_AndTheTraceShowsTheValues()
    {
        static void TwoClaims()
        {
            var counter = new Counter();
            var winners = new int[1];
            void Claim()
            {
                if (VolatileStandIn.Read(ref counter.Count, Site.File(), Site.Line(), "Counter.Count") == 0)
                {
                    VolatileStandIn.Write(ref counter.Count, 1, Site.File(), Site.Line(), "Counter.Count");
                    InterlockedStandIn.Increment(ref winners[0], Site.File(), Site.Line(), "winners");
                }
            }
            Thread other = ThreadStandIn.New(Claim, Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            Claim();
            ThreadStandIn.Join(other, Site.File(), Site.Line());
            Specification.Assert(InterlockedStandIn.CompareExchange(ref winners[0], 0, 0, Site.File(), Site.Line(), "winners") == 1, "two threads claimed the slot");
        }

        TestReport report = Exploring.Exhaustively(TwoClaims);

        Assert.That(report, Finds.AssertionFailure().Mentioning("two threads claimed the slot"));
        Assert.That(report.Bug!.Location, Does.StartWith("AtomicStandInTests.cs:"));
        Assert.That(report.Trace!.Steps.Select(s => s.Describe()), Does.Contain("Volatile.Read(Counter.Count) = 0").And.Contain("Interlocked.Increment(winners) = 2"));
        Assert.That(Exploring.Replayed(report, TwoClaims), Is.EqualTo(report.Bug));
    }

    [Test]
    public void CompareExchangeClaim_IsAtomic_SoExactlyOneThreadWins()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var counter = new Counter();
            var token = new object();
            int wins = 0;
            void Claim()
            {
                if (InterlockedStandIn.CompareExchange(ref counter.Slot, token, null, Site.File(), Site.Line(), "Counter.Slot") is null) wins++;
            }
            Thread other = ThreadStandIn.New(Claim, Site.File(), Site.Line());
            ThreadStandIn.Start(other, Site.File(), Site.Line());
            Claim();
            ThreadStandIn.Join(other, Site.File(), Site.Line());
            Specification.Assert(wins == 1, $"{wins} threads won");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    [Test]
    public void PublishingThroughAVolatileFlag_IsNotARace()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var data = new Counter();
            var flag = new Counter();
            Thread writer = ThreadStandIn.New(() =>
            {
                MemoryAccess.WriteField(data, "Counter.Count", Site.File(), Site.Line());
                data.Count = 42;
                VolatileStandIn.Write(ref flag.Count, 1, Site.File(), Site.Line(), "flag");
            }, Site.File(), Site.Line());
            ThreadStandIn.Start(writer, Site.File(), Site.Line());
            if (VolatileStandIn.Read(ref flag.Count, Site.File(), Site.Line(), "flag") == 1)
            {
                MemoryAccess.ReadField(data, "Counter.Count", Site.File(), Site.Line());
                Specification.Assert(data.Count == 42, "saw the flag before the data");
            }
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.FirstRace, Is.Null);
    }

    [Test]
    public void OutsideAnExploration_TheStandInsAreTheRealAtomics()
    {
        int i = 5;
        long l = 5;
        uint u = 5;
        ulong ul = 5;
        object? o = null;
        string? s = "a";
        double d = 1.5;
        bool b = false;
        var first = new object();

        Assert.That(InterlockedStandIn.Increment(ref i, "", 0, null), Is.EqualTo(6));
        Assert.That(InterlockedStandIn.Decrement(ref l, "", 0, null), Is.EqualTo(4));
        Assert.That(InterlockedStandIn.Add(ref u, 3u, "", 0, null), Is.EqualTo(8u));
        Assert.That(InterlockedStandIn.Exchange(ref ul, 9ul, "", 0, null), Is.EqualTo(5ul));
        Assert.That(InterlockedStandIn.CompareExchange(ref o, first, null, "", 0, null), Is.Null);
        Assert.That(o, Is.SameAs(first));
        Assert.That(InterlockedStandIn.Exchange(ref s, "b", "", 0, null), Is.EqualTo("a"));
        Assert.That(InterlockedStandIn.CompareExchange(ref d, 2.5, 1.5, "", 0, null), Is.EqualTo(1.5));
        Assert.That(InterlockedStandIn.And(ref i, 2, "", 0, null), Is.EqualTo(6));
        Assert.That(InterlockedStandIn.Or(ref i, 1, "", 0, null), Is.EqualTo(2));
        Assert.That(InterlockedStandIn.Read(ref l, "", 0, null), Is.EqualTo(4));
        InterlockedStandIn.MemoryBarrier("", 0);
        ThreadStandIn.MemoryBarrier("", 0);
        VolatileStandIn.Write(ref b, true, "", 0, null);
        Assert.That(VolatileStandIn.Read(ref b, "", 0, null), Is.True);
        VolatileStandIn.Write(ref s, "c", "", 0, null);
        Assert.That(VolatileStandIn.Read(ref s, "", 0, null), Is.EqualTo("c"));
        Assert.That((i, d, ul), Is.EqualTo((3, 2.5, 9ul)));
    }
}
