using Lab.Workloads.Faults;
using Lab.Workloads.Processes;

namespace Lab.Performance.Tests.Faults;

/// <summary>The same faulting item on a thread and in a process pool: one takes everything down, the other loses one worker.</summary>
[TestFixture]
[Category("Workloads")]
public sealed class FaultIsolationSpecs
{
    [Test]
    public void FaultOnADedicatedThread_TerminatesTheWholeProcess()
    {
        ChildProcessOutcome child = FaultIsolationDemo.RunOnDedicatedThreadsInChild(WorkerLocator.Locate(), TimeSpan.FromSeconds(60));
        TestContext.Out.WriteLine($"child exit code {child.ExitCode}; stderr begins: {child.StandardError.Split('\n')[0]}");
        Assert.Multiple(() =>
        {
            Assert.That(child.Crashed, Is.True);
            Assert.That(child.ExitCode, Is.Not.EqualTo(0));
            Assert.That(child.StandardError, Does.Contain("Unhandled exception").And.Contain(nameof(InjectedFaultException)));
            Assert.That(child.StandardOutput, Does.Not.Contain(FaultIsolationDemo.CompletedMarker), "the healthy items never got to report");
        });
    }

    [Test]
    public void FaultInAProcessPool_KillsOnlyTheWorkerRunningIt_AndThePoolCarriesOn()
    {
        using var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(2) with { MaxAttemptsPerItem = 2 });

        PoolFaultOutcome outcome = FaultIsolationDemo.RunOnProcessPool(pool, healthyItems: 6);

        TestContext.Out.WriteLine($"{outcome.HealthyItemsCompleted}/{outcome.HealthyItemsSubmitted} healthy items completed, {outcome.WorkersReplaced} workers replaced; fault: {outcome.FaultingItemError?.Message}");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.HealthyItemsCompleted, Is.EqualTo(outcome.HealthyItemsSubmitted));
            Assert.That(outcome.FaultingItemError, Is.TypeOf<PoisonWorkItemException>());
            Assert.That(outcome.WorkersReplaced, Is.GreaterThanOrEqualTo(2), "each crash cost one worker, which was replaced");
            Assert.That(outcome.PoolServedAfterwards, Is.True);
            Assert.That(pool.WorkerProcessIds, Has.Count.EqualTo(2));
        });
    }
}
