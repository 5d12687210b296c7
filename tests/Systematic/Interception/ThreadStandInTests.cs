using System.Threading;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>System.Threading.Thread called as rewritten code calls it.</summary>
public sealed class ThreadStandInTests
{
    private static void Produce()
    {
    }

    [Test]
    public void Operations_AreNamedByThreadName_ElseByTheMethod_ElseByTheLambdasEnclosingMethod_Uniquified()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            Thread named = ThreadStandIn.New(Produce, Site.File(), Site.Line());
            ThreadStandIn.set_Name(named, "producer", Site.File(), Site.Line());
            Thread method = ThreadStandIn.New(Produce, Site.File(), Site.Line());
            Thread again = ThreadStandIn.New(Produce, Site.File(), Site.Line());
            Thread lambda = ThreadStandIn.New(() => Produce(), Site.File(), Site.Line());
            foreach (Thread thread in new[] { named, method, again, lambda }) ThreadStandIn.Start(thread, Site.File(), Site.Line());
        }, iterations: 1);

        Assert.That(report.IsBugFree, Is.True);
        TestReport failing = Exploring.Exhaustively(() =>
        {
            Thread named = ThreadStandIn.New(Produce, Site.File(), Site.Line());
            ThreadStandIn.set_Name(named, "producer", Site.File(), Site.Line());
            Thread method = ThreadStandIn.New(Produce, Site.File(), Site.Line());
            Thread again = ThreadStandIn.New(Produce, Site.File(), Site.Line());
            Thread lambda = ThreadStandIn.New(() => Produce(), Site.File(), Site.Line());
            foreach (Thread thread in new[] { named, method, again, lambda }) ThreadStandIn.Start(thread, Site.File(), Site.Line());
            Specification.Assert(false, "stop to see the trace");
        }, iterations: 1);
        Assert.That(failing.Trace!.Operations, Is.EqualTo(new[]
        {
            "main", "producer", "Produce", "Produce#3", "Operations_AreNamedByThreadName_ElseByTheMethod_ElseByTheLambdasEnclosingMethod_Uniquified",
        }));
    }

    [Test]
    public void ManagedThreadId_IsTheOperationIdPlusOne_AndCurrentThreadIsTheStartedThreadObject()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            Thread mainThread = ThreadStandIn.get_CurrentThread(Site.File(), Site.Line());
            Specification.Assert(ThreadStandIn.get_ManagedThreadId(mainThread, Site.File(), Site.Line()) == 1, "main is thread 1");
            Specification.Assert(ReferenceEquals(mainThread, ThreadStandIn.get_CurrentThread(Site.File(), Site.Line())), "one Thread object per operation");
            Thread? seen = null;
            Thread worker = ThreadStandIn.New(() => seen = ThreadStandIn.get_CurrentThread(Site.File(), Site.Line()), Site.File(), Site.Line());
            Specification.Assert(!ThreadStandIn.get_IsAlive(worker, Site.File(), Site.Line()), "not started yet");
            ThreadStandIn.Start(worker, Site.File(), Site.Line());
            Specification.Assert(ThreadStandIn.get_ManagedThreadId(worker, Site.File(), Site.Line()) == 2, "the first started thread is 2");
            ThreadStandIn.Join(worker, Site.File(), Site.Line());
            Specification.Assert(ReferenceEquals(seen, worker), "CurrentThread inside the worker is its Thread object");
            Specification.Assert(!ThreadStandIn.get_IsAlive(worker, Site.File(), Site.Line()), "finished after Join");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    [Test]
    public void ParameterizedThread_GetsItsArgument()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            object? received = null;
            Thread worker = ThreadStandIn.New((object? state) => received = state, Site.File(), Site.Line());
            ThreadStandIn.Start(worker, "hello", Site.File(), Site.Line());
            ThreadStandIn.Join(worker, Site.File(), Site.Line());
            Specification.Assert(Equals(received, "hello"), "the argument reaches the thread");
        });

        Assert.That(report, Is.BugFree());
    }

    [Test]
    public void TimedJoin_TimesOutInSomeSchedules_AndJoinsInOthers()
    {
        var outcomes = new HashSet<bool>();
        TestReport report = Exploring.Exhaustively(() =>
        {
            Thread worker = ThreadStandIn.New(() => ThreadStandIn.Yield(Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.Start(worker, Site.File(), Site.Line());
            outcomes.Add(ThreadStandIn.Join(worker, TimeSpan.FromMilliseconds(50), Site.File(), Site.Line()));
            ThreadStandIn.Join(worker, Site.File(), Site.Line());
        });

        Assert.That(report, Is.BugFree());
        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void JoinBeforeStart_AndStartingTwice_ThrowThreadStateException()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            Thread worker = ThreadStandIn.New(Produce, Site.File(), Site.Line());
            Specification.Assert(Expect.Throws<ThreadStateException>(() => ThreadStandIn.Join(worker, Site.File(), Site.Line())), "join before start");
            ThreadStandIn.Start(worker, Site.File(), Site.Line());
            Specification.Assert(Expect.Throws<ThreadStateException>(() => ThreadStandIn.Start(worker, Site.File(), Site.Line())), "start twice");
        });

        Assert.That(report, Is.BugFree());
    }

    [Test]
    public void ThreadsJoiningEachOther_Deadlock_NamingBoth()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            Thread? second = null;
            Thread first = ThreadStandIn.New(() => ThreadStandIn.Join(second!, Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.set_Name(first, "first", Site.File(), Site.Line());
            second = ThreadStandIn.New(() => ThreadStandIn.Join(first, Site.File(), Site.Line()), Site.File(), Site.Line());
            ThreadStandIn.set_Name(second, "second", Site.File(), Site.Line());
            ThreadStandIn.Start(first, Site.File(), Site.Line());
            ThreadStandIn.Start(second, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.Deadlock().Mentioning("first → second → first wait for each other"));
    }

    [Test]
    public void UnhandledExceptionInAThread_IsReportedWithItsThread()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            Thread worker = ThreadStandIn.New(() => throw new InvalidOperationException("boom"), Site.File(), Site.Line());
            ThreadStandIn.set_Name(worker, "worker", Site.File(), Site.Line());
            ThreadStandIn.Start(worker, Site.File(), Site.Line());
            ThreadStandIn.Join(worker, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.UnhandledException().Mentioning("InvalidOperationException in worker: boom"));
        Assert.That(report.Bug!.Location, Does.StartWith("ThreadStandInTests.cs:"));
    }

    private static readonly Thread s_createdOutside = new(Produce);

    [Test]
    public void ThreadCreatedOutsideTheExploration_StartedInside_IsUncontrolledConcurrency()
    {
        TestReport report = Exploring.Exhaustively(() => ThreadStandIn.Start(s_createdOutside, Site.File(), Site.Line()));

        Assert.That(report, Finds.Bug(BugKind.UncontrolledConcurrency).Mentioning("'Thread.Start' was created outside the exploration"));
        Assert.That(s_createdOutside.ThreadState, Is.EqualTo(ThreadState.Unstarted));
    }

    [Test]
    public void SleepAndYield_AreSchedulingPoints_InsideAnExploration()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            Thread worker = ThreadStandIn.New(() =>
            {
                ThreadStandIn.Sleep(1000, Site.File(), Site.Line());
                ThreadStandIn.SpinWait(20, Site.File(), Site.Line());
            }, Site.File(), Site.Line());
            ThreadStandIn.Start(worker, Site.File(), Site.Line());
            ThreadStandIn.Yield(Site.File(), Site.Line());
            ThreadStandIn.Sleep(TimeSpan.FromSeconds(1), Site.File(), Site.Line());
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.Iterations, Is.EqualTo(10), "2 steps of main after start against the worker's beginning and its 2 steps: C(5, 2) orders");
    }

    [Test]
    public void OutsideAnExploration_TheStandInsAreTheRealThread()
    {
        int ran = 0;
        Thread worker = ThreadStandIn.New(() => ran++, Site.File(), Site.Line());
        ThreadStandIn.set_Name(worker, "real worker", Site.File(), Site.Line());
        ThreadStandIn.set_IsBackground(worker, true, Site.File(), Site.Line());
        Assert.That(ThreadStandIn.get_IsBackground(worker, Site.File(), Site.Line()), Is.True);
        ThreadStandIn.Start(worker, Site.File(), Site.Line());
        ThreadStandIn.Join(worker, Site.File(), Site.Line());

        Assert.That(ran, Is.EqualTo(1));
        Assert.That(ThreadStandIn.get_IsAlive(worker, Site.File(), Site.Line()), Is.False);
        Assert.That(ThreadStandIn.get_Name(worker, Site.File(), Site.Line()), Is.EqualTo("real worker"));
        Assert.That(ThreadStandIn.get_CurrentThread(Site.File(), Site.Line()), Is.SameAs(Thread.CurrentThread));
        Assert.That(ThreadStandIn.get_ManagedThreadId(worker, Site.File(), Site.Line()), Is.EqualTo(worker.ManagedThreadId));
        Assert.That(ThreadStandIn.Join(worker, 0, Site.File(), Site.Line()), Is.True);
        Assert.Throws<ThreadStateException>(() => ThreadStandIn.Start(worker, Site.File(), Site.Line()));
        object? received = null;
        Thread parameterized = ThreadStandIn.New(state => received = state, Site.File(), Site.Line());
        ThreadStandIn.Start(parameterized, 42, Site.File(), Site.Line());
        Assert.That(ThreadStandIn.Join(parameterized, TimeSpan.FromSeconds(10), Site.File(), Site.Line()), Is.True);
        Assert.That(received, Is.EqualTo(42));
    }
}
