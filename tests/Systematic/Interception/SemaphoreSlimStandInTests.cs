using System.Threading;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>System.Threading.SemaphoreSlim called as rewritten code calls it.</summary>
public sealed class SemaphoreSlimStandInTests
{
    private static readonly SemaphoreSlim s_createdOutside = new(1, 1);

    /// <summary>Three workers share a pool of two permits; each counts itself in while holding one.</summary>
    private static Action Pool(int permits) => () =>
    {
        SemaphoreSlim pool = SemaphoreSlimStandIn.New(permits, Site.File(), Site.Line(), "pool");
        var inside = new int[1];
        void Work()
        {
            SemaphoreSlimStandIn.Wait(pool, Site.File(), Site.Line());
            int now = InterlockedStandIn.Increment(ref inside[0], Site.File(), Site.Line(), "inside");
            Specification.Assert(now <= 2, $"{now} workers inside a pool of 2");
            InterlockedStandIn.Decrement(ref inside[0], Site.File(), Site.Line(), "inside");
            SemaphoreSlimStandIn.Release(pool, Site.File(), Site.Line());
        }
        Thread[] workers = [.. Enumerable.Range(0, 3).Select(_ => ThreadStandIn.New(Work, Site.File(), Site.Line()))];
        foreach (Thread worker in workers) ThreadStandIn.Start(worker, Site.File(), Site.Line());
        foreach (Thread worker in workers) ThreadStandIn.Join(worker, Site.File(), Site.Line());
    };

    [Test]
    public void PoolOfTwoPermits_NeverHasThreeInside()
    {
        TestReport report = Exploring.Exhaustively(Pool(2), preemptionBound: 2);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    [Test]
    public void PoolCreatedWithTooManyPermits_LetsThreeIn_AndReplays()
    {
        TestReport report = Exploring.Randomly(Pool(3));

        Assert.That(report, Finds.AssertionFailure().Mentioning("3 workers inside a pool of 2"));
        Assert.That(report.Bug!.Location, Does.StartWith("SemaphoreSlimStandInTests.cs:"));
        Assert.That(Exploring.Replayed(report, Pool(3)), Is.EqualTo(report.Bug));
    }

    [Test]
    public void MissingRelease_Deadlocks_NamingTheSemaphoreByItsField()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            SemaphoreSlim pool = SemaphoreSlimStandIn.New(1, 1, Site.File(), Site.Line(), "Service._pool");
            Thread worker = ThreadStandIn.New(() => SemaphoreSlimStandIn.Wait(pool, Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(worker, Site.File(), Site.Line());
            SemaphoreSlimStandIn.Wait(pool, Site.File(), Site.Line());
            ThreadStandIn.Join(worker, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.Deadlock().Mentioning("waits for Service._pool (count 0)"));
    }

    [Test]
    public void TimedWait_TimesOutInSomeSchedules_AndReleasePastTheMaximumThrows()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Exploring.Exhaustively(() =>
        {
            SemaphoreSlim signal = SemaphoreSlimStandIn.New(0, 1, Site.File(), Site.Line(), "signal");
            Thread worker = ThreadStandIn.New(() => SemaphoreSlimStandIn.Release(signal, Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(worker, Site.File(), Site.Line());
            outcomes.Add(SemaphoreSlimStandIn.Wait(signal, 100, Site.File(), Site.Line()));
            ThreadStandIn.Join(worker, Site.File(), Site.Line());
            Specification.Assert(SemaphoreSlimStandIn.get_CurrentCount(signal, Site.File(), Site.Line()) <= 1, "at most one permit");
            if (SemaphoreSlimStandIn.get_CurrentCount(signal, Site.File(), Site.Line()) == 1)
            {
                Specification.Assert(Expect.Throws<SemaphoreFullException>(() => SemaphoreSlimStandIn.Release(signal, Site.File(), Site.Line())), "past the maximum");
            }
        });

        Assert.That(report, Is.BugFree());
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void SemaphoreCreatedOutsideTheExploration_UsedInside_IsUncontrolledConcurrency()
    {
        TestReport report = Exploring.Exhaustively(() => SemaphoreSlimStandIn.Wait(s_createdOutside, Site.File(), Site.Line()));

        Assert.That(report, Finds.Bug(BugKind.UncontrolledConcurrency).Mentioning("'SemaphoreSlim.Wait' was created outside the exploration"));
        Assert.That(s_createdOutside.CurrentCount, Is.EqualTo(1), "the real semaphore was not touched");
    }

    [Test]
    public void OutsideAnExploration_TheStandInsAreTheRealSemaphore()
    {
        SemaphoreSlim gate = SemaphoreSlimStandIn.New(1, 1, Site.File(), Site.Line(), "gate");
        int inside = 0, worst = 0;
        void Use()
        {
            for (int i = 0; i < 2_000; i++)
            {
                SemaphoreSlimStandIn.Wait(gate, Site.File(), Site.Line());
                worst = Math.Max(worst, Interlocked.Increment(ref inside));
                Interlocked.Decrement(ref inside);
                SemaphoreSlimStandIn.Release(gate, Site.File(), Site.Line());
            }
        }
        var threads = new[] { new Thread(Use), new Thread(Use) };
        foreach (Thread thread in threads) thread.Start();
        foreach (Thread thread in threads) thread.Join();

        Assert.That(worst, Is.EqualTo(1));
        Assert.Throws<SemaphoreFullException>(() => SemaphoreSlimStandIn.Release(gate, Site.File(), Site.Line()));
        Assert.That(SemaphoreSlimStandIn.Wait(gate, 0, Site.File(), Site.Line()), Is.True);
        Assert.That(SemaphoreSlimStandIn.get_CurrentCount(gate, Site.File(), Site.Line()), Is.EqualTo(0));
        Assert.That(SemaphoreSlimStandIn.Wait(gate, TimeSpan.FromMilliseconds(10), Site.File(), Site.Line()), Is.False);
        Assert.That(SemaphoreSlimStandIn.Release(gate, 1, Site.File(), Site.Line()), Is.EqualTo(0));
    }
}
