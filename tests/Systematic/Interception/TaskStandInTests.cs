using System.Runtime.CompilerServices;
using System.Threading;
using Lab.Systematic.Detection;
using Lab.Systematic.Interception;
using Lab.Systematic.NUnit;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Systematic.Tests.Interception;

/// <summary>Task, TaskFactory, Parallel and ThreadPool called as rewritten code calls them.</summary>
public sealed class TaskStandInTests
{
    private sealed class Counter
    {
        public int Count;
    }

    /// <summary>count++ on a plain field, hooked as the rewriter hooks it.</summary>
    private static void PlainIncrement(Counter counter)
    {
        MemoryAccess.ReadField(counter, "Counter.Count", Site.File(), Site.Line());
        int seen = counter.Count;
        MemoryAccess.WriteField(counter, "Counter.Count", Site.File(), Site.Line());
        counter.Count = seen + 1;
    }

    private static int ReadCount(Counter counter)
    {
        MemoryAccess.ReadField(counter, "Counter.Count", Site.File(), Site.Line());
        return counter.Count;
    }

    private static void TwoTasksIncrement()
    {
        var counter = new Counter();
        Task first = TaskStandIn.Run(() => PlainIncrement(counter), Site.File(), Site.Line());
        Task second = TaskStandIn.Run(() => PlainIncrement(counter), Site.File(), Site.Line());
        TaskStandIn.WaitAll([first, second], Site.File(), Site.Line());
        Specification.Assert(ReadCount(counter) == 2, $"count is {ReadCount(counter)}, expected 2");
    }

    [Test]
    public void TwoTasks_IncrementingAPlainField_LoseAnUpdate_AndReplay()
    {
        TestReport report = Exploring.Randomly(TwoTasksIncrement);

        Assert.That(report, Finds.AssertionFailure().Mentioning("count is 1"));
        Assert.That(report.Bug!.Location, Does.StartWith("TaskStandInTests.cs:"));
        Assert.That(report.FirstRace!.Message, Does.Contain("data race on 'Counter.Count'"));
        Assert.That(Exploring.Replayed(report, TwoTasksIncrement), Is.EqualTo(report.Bug));
    }

    [Test]
    public void TaskResult_AndWait_JoinTheTask_SoItsWritesAreSeen_WithoutARace()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var counter = new Counter();
            Task<int> answer = TaskStandIn.Run(() =>
            {
                PlainIncrement(counter);
                return 42;
            }, Site.File(), Site.Line());
            Task started = TaskFactoryStandIn.StartNew(TaskStandIn.get_Factory(Site.File(), Site.Line()), () => { }, Site.File(), Site.Line());
            Specification.Assert(TaskOfResultStandIn.get_Result(answer, Site.File(), Site.Line()) == 42, "the result");
            Specification.Assert(ReadCount(counter) == 1, "the task's write is visible after Result");
            TaskStandIn.Wait(started, Site.File(), Site.Line());
            Specification.Assert(started.IsCompletedSuccessfully, "a real task, completed");
        });

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
        Assert.That(report.FirstRace, Is.Null);
    }

    [Test]
    public void FaultedTask_ThrowsAggregateException_FromWait_AsTheRealOneDoes()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            Task failing = TaskStandIn.Run(() => throw new InvalidOperationException("inside the task"), Site.File(), Site.Line());
            Specification.Assert(Expect.Throws<AggregateException>(() => TaskStandIn.Wait(failing, Site.File(), Site.Line())), "Wait rethrows wrapped");
            Specification.Assert(failing.Exception!.InnerException is InvalidOperationException, "the task holds the exception");
        });

        Assert.That(report, Is.BugFree());
    }

    [Test]
    public void WaitAny_ReturnsWhicheverTaskFinishedFirst_DependingOnTheSchedule()
    {
        var winners = new HashSet<int>();
        TestReport report = Exploring.Exhaustively(() =>
        {
            Task[] tasks = [TaskStandIn.Run(() => ThreadStandIn.Yield(Site.File(), Site.Line()), Site.File(), Site.Line()),
                TaskStandIn.Run(() => ThreadStandIn.Yield(Site.File(), Site.Line()), Site.File(), Site.Line())];
            winners.Add(TaskStandIn.WaitAny(tasks, Site.File(), Site.Line()));
            TaskStandIn.WaitAll(tasks, Site.File(), Site.Line());
        });

        Assert.That(report, Is.BugFree());
        Assert.That(winners, Is.EquivalentTo(new[] { 0, 1 }));
    }

    [Test]
    public void Await_OnADoneTask_IsAStep_ButOnATaskTheExplorationDoesNotControl_IsReported_NeverAHang()
    {
        int awaitLine = 0;
        TestReport done = Exploring.Exhaustively(() =>
        {
            Task<int> work = TaskStandIn.Run(() => 1, Site.File(), Site.Line());
            TaskStandIn.Wait(work, Site.File(), Site.Line());
            TaskAwaiter<int> awaiter = TaskOfResultStandIn.GetAwaiter(work, Site.File(), Site.Line());
            Specification.Assert(awaiter.IsCompleted && awaiter.GetResult() == 1, "a done task's awaiter");
        });
        TestReport uncontrolled = Exploring.Exhaustively(() =>
        {
            var outside = new TaskCompletionSource<int>();
            awaitLine = Site.Line(); _ = TaskOfResultStandIn.GetAwaiter(outside.Task, Site.File(), awaitLine);
        });

        Assert.That(done, Is.BugFree());
        Assert.That(done.Trace, Is.Null);
        Assert.That(uncontrolled, Finds.Bug(BugKind.UncontrolledConcurrency)
            .Mentioning($"await at {Site.At(awaitLine)} waits for a task the exploration does not control"));
        Assert.That(uncontrolled.Bug!.Location, Is.EqualTo(Site.At(awaitLine)));
    }

    [Test]
    public void AsyncLambdaGivenToTaskRun_IsWaitedFor_AndATaskItCannotControlIsReported()
    {
        TestReport synchronous = Exploring.Exhaustively(() =>
        {
            var counter = new Counter();
            Task<int> work = TaskStandIn.Run(() =>
            {
                PlainIncrement(counter);
                return Task.FromResult(5);
            }, Site.File(), Site.Line());
            Specification.Assert(TaskOfResultStandIn.get_Result(work, Site.File(), Site.Line()) == 5, "the async lambda's result");
            Specification.Assert(ReadCount(counter) == 1, "its write is seen after Result");
        });
        TestReport pending = Exploring.Exhaustively(() =>
        {
            var never = new TaskCompletionSource();
            Task work = TaskStandIn.Run(() => never.Task, Site.File(), Site.Line());
            TaskStandIn.Wait(work, Site.File(), Site.Line());
        });

        Assert.That(synchronous, Is.BugFree());
        Assert.That(pending, Finds.Bug(BugKind.UncontrolledConcurrency).Mentioning("waits for a task the exploration does not control"));
        Assert.That(pending.Bug!.Message, Does.StartWith("Task.Run at TaskStandInTests.cs:"));
    }

    [Test]
    public void WaitingOnATaskTheExplorationDoesNotControl_IsReported()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var source = new TaskCompletionSource();
            TaskStandIn.Wait(source.Task, Site.File(), Site.Line());
        });

        Assert.That(report, Finds.Bug(BugKind.UncontrolledConcurrency).Mentioning("waits for a task the exploration does not control"));
    }

    [Test]
    public void ParallelFor_OverAPlainCounter_LosesUpdates_ButWithInterlockedIsExact()
    {
        static Action Loop(bool atomic) => () =>
        {
            var counter = new Counter();
            ParallelStandIn.For(0, 3, _ =>
            {
                if (atomic) InterlockedStandIn.Increment(ref counter.Count, Site.File(), Site.Line(), "Counter.Count");
                else PlainIncrement(counter);
            }, Site.File(), Site.Line());
            Specification.Assert(ReadCount(counter) == 3, $"count is {ReadCount(counter)} after 3 bodies");
        };

        TestReport racy = Exploring.Randomly(Loop(atomic: false));
        TestReport exact = Exploring.Exhaustively(Loop(atomic: true), preemptionBound: 2);

        Assert.That(racy, Finds.AssertionFailure().Mentioning("after 3 bodies"));
        Assert.That(exact, Is.BugFree());
        Assert.That(exact.SpaceExhausted, Is.True);
    }

    [Test]
    public void ParallelForEach_AndInvoke_RunEveryBody_AndGatherExceptions()
    {
        TestReport report = Exploring.Exhaustively(() =>
        {
            var sum = new int[1];
            ParallelStandIn.ForEach(new[] { 1, 2, 3 }, value => InterlockedStandIn.Add(ref sum[0], value, Site.File(), Site.Line(), "sum"), Site.File(), Site.Line());
            Specification.Assert(sum[0] == 6, "every element once");
            ParallelStandIn.Invoke([() => InterlockedStandIn.Add(ref sum[0], 10, Site.File(), Site.Line(), "sum"), () => InterlockedStandIn.Add(ref sum[0], 100, Site.File(), Site.Line(), "sum")], Site.File(), Site.Line());
            Specification.Assert(sum[0] == 116, "every action once");
            Specification.Assert(Expect.Throws<AggregateException>(() => ParallelStandIn.Invoke([() => { }, () => throw new InvalidOperationException()], Site.File(), Site.Line())), "failures come back together");
        }, preemptionBound: 1);

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True);
    }

    [Test]
    public void WorkItemNotWaitedFor_IsSometimesUnfinished_AndAWaitedOneIsAlwaysDone()
    {
        static Action Body(bool wait) => () =>
        {
            var counter = new Counter();
            SemaphoreSlim done = SemaphoreSlimStandIn.New(0, Site.File(), Site.Line(), "done");
            ThreadPoolStandIn.QueueUserWorkItem(_ =>
            {
                InterlockedStandIn.Increment(ref counter.Count, Site.File(), Site.Line(), "Counter.Count");
                SemaphoreSlimStandIn.Release(done, Site.File(), Site.Line());
            }, Site.File(), Site.Line());
            if (wait) SemaphoreSlimStandIn.Wait(done, Site.File(), Site.Line());
            Specification.Assert(InterlockedStandIn.CompareExchange(ref counter.Count, 0, 0, Site.File(), Site.Line(), "Counter.Count") == 1, "the work item has not run yet");
        };

        TestReport unwaited = Exploring.Exhaustively(Body(wait: false));
        TestReport waited = Exploring.Exhaustively(Body(wait: true));

        Assert.That(unwaited, Finds.AssertionFailure().Mentioning("has not run yet"));
        Assert.That(waited, Is.BugFree());
    }

    [Test]
    public void OutsideAnExploration_TheStandInsAreTheRealTasks()
    {
        int ran = 0;
        Task first = TaskStandIn.Run(() => Interlocked.Increment(ref ran), Site.File(), Site.Line());
        Task<int> second = TaskStandIn.Run(() => 7, Site.File(), Site.Line());
        Task third = TaskFactoryStandIn.StartNew(TaskStandIn.get_Factory(Site.File(), Site.Line()), () => Interlocked.Increment(ref ran), Site.File(), Site.Line());
        TaskStandIn.WaitAll([first, second, third], Site.File(), Site.Line());
        Assert.That(TaskOfResultStandIn.get_Result(second, Site.File(), Site.Line()), Is.EqualTo(7));
        Assert.That(TaskStandIn.WaitAny([first], Site.File(), Site.Line()), Is.EqualTo(0));
        Assert.That(TaskStandIn.Wait(new TaskCompletionSource().Task, 10, Site.File(), Site.Line()), Is.False);
        Assert.That(TaskStandIn.GetAwaiter(first, Site.File(), Site.Line()).IsCompleted, Is.True);
        Assert.That(TaskOfResultStandIn.GetAwaiter(second, Site.File(), Site.Line()).GetResult(), Is.EqualTo(7));
        Assert.That(TaskStandIn.Delay(1, Site.File(), Site.Line()).Wait(5_000), Is.True);
        var seen = new int[4];
        Assert.That(ParallelStandIn.For(0, 4, i => seen[i]++, Site.File(), Site.Line()).IsCompleted, Is.True);
        ParallelStandIn.ForEach(new[] { 0, 1 }, i => seen[i]++, Site.File(), Site.Line());
        ParallelStandIn.Invoke([() => seen[2]++], Site.File(), Site.Line());
        using var done = new CountdownEvent(1);
        Assert.That(ThreadPoolStandIn.QueueUserWorkItem(_ => { Interlocked.Increment(ref ran); done.Signal(); }, Site.File(), Site.Line()), Is.True);
        Assert.That(done.Wait(5_000), Is.True);
        Assert.That((ran, seen[0], seen[1], seen[2], seen[3]), Is.EqualTo((3, 2, 2, 2, 1)));
    }
}
