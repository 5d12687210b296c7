using Lab.Scenarios;
using Lab.Scenarios.Races;
using Lab.Scenarios.Stress;
using Lab.Systematic.Threading;

namespace Lab.Hazards.Tests;

/// <summary>The stress runner runs harnesses for real and counts assertion failures, exceptions and hangs.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class StressRunnerTests
{
    private static readonly StressOptions Patient = new() { RunTimeout = TimeSpan.FromSeconds(10) };

    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.FixedStress))]
    public void Fixed_RunsForReal_WithoutAFailure(IScenario scenario)
    {
        StressResult result = StressRunner.Run(scenario, Variant.Fixed, TimeSpan.FromSeconds(5), Patient with { MaxRuns = 25 });

        Assert.That(result.Runs, Is.GreaterThan(0));
        Assert.That(result.BugRuns, Is.Zero, result.Summary);
    }

    [Test]
    public void Stress_FixedCounter_ShowsNoBug_InAnyRealRun()
    {
        StressResult result = StressRunner.Run(ScenarioCatalog.Find("races/lost-update"), Variant.Fixed, TimeSpan.FromSeconds(5),
            Patient with { MaxRuns = 100 });

        Assert.That(result.Runs, Is.EqualTo(100));
        Assert.That(result.BugRuns, Is.Zero, result.Summary);
    }

    [Test]
    public void Stress_CountsAFailedAssertion_InEveryRunOfABrokenImplementation()
    {
        StressResult result = StressRunner.Run(ScenarioCatalog.Find("races/lost-update"), () => new ForgetfulCounter(), TimeSpan.FromSeconds(5),
            Patient with { MaxRuns = 20 });

        Assert.That(result.Runs, Is.EqualTo(20));
        Assert.That(result.AssertionFailures, Is.EqualTo(20), result.Summary);
        Assert.That(result.FirstFailure, Does.Contain("count is 0, expected 2"));
    }

    [Test]
    public void Stress_CountsAnExceptionFromAWorkerThread()
    {
        StressResult result = StressRunner.Run(ScenarioCatalog.Find("races/lost-update"), () => new ThrowingCounter(), TimeSpan.FromSeconds(5),
            Patient with { MaxRuns = 5 });

        Assert.That(result.Exceptions, Is.EqualTo(5), result.Summary);
        Assert.That(result.FirstFailure, Does.Contain("InvalidOperationException").And.Contain("counter is read-only"));
    }

    [Test]
    public void Stress_CountsAnAssertionThatFailsInAWorkerThread_AsAnAssertionFailure()
    {
        StressResult result = StressRunner.Run(ScenarioCatalog.Find("races/bank-transfer-audit"), () => new EmptyBank(), TimeSpan.FromSeconds(5),
            Patient with { MaxRuns = 5 });

        Assert.That(result.Runs, Is.EqualTo(5));
        Assert.That(result.AssertionFailures, Is.EqualTo(5), result.Summary);
        Assert.That(result.FirstFailure, Does.Contain("the auditor saw a balance total of 0, expected 100"));
    }

    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.BuggyStress))]
    public void Buggy_RunsForReal_AndEveryFailureIsCounted_WithoutEndingTheProcess(IScenario scenario)
    {
        var options = new StressOptions { RunTimeout = TimeSpan.FromMilliseconds(100), MaxRuns = 20, MaxHangs = 2 };

        TimeSpan budget = TimeSpan.FromSeconds(2);

        StressResult result = StressRunner.Run(scenario, Variant.Buggy, budget, options);

        // Reaching this line at all means no thread's exception ended the process; the run stopped by its own rules.
        Assert.That(result.Runs, Is.GreaterThan(0));
        Assert.That(result.Runs == options.MaxRuns || result.Hangs == options.MaxHangs || result.Elapsed >= budget, Is.True, result.Summary);
    }

    [Test]
    public void Stress_LeakedLock_HangsInEveryRealRun_AndTheHangsAreCounted()
    {
        var options = new StressOptions { RunTimeout = TimeSpan.FromMilliseconds(200), MaxRuns = 3 };

        StressResult result = StressRunner.Run(ScenarioCatalog.Find("deadlocks/leaked-lock"), Variant.Buggy, TimeSpan.FromSeconds(10), options);

        Assert.That(result.Runs, Is.EqualTo(3));
        Assert.That(result.Hangs, Is.EqualTo(3), result.Summary);
    }

    [Test]
    public void Stress_StopAtFirstBug_StopsAfterTheFirstFailingRun()
    {
        StressResult result = StressRunner.Run(ScenarioCatalog.Find("races/lost-update"), () => new ForgetfulCounter(), TimeSpan.FromSeconds(5),
            Patient with { StopAtFirstBug = true });

        Assert.That(result.Runs, Is.EqualTo(1));
        Assert.That(result.SawBug, Is.True);
    }

    /// <summary>Never counts anything.</summary>
    private sealed class ForgetfulCounter : ICounter
    {
        public void Increment()
        {
        }

        public int Value => 0;
    }

    /// <summary>Loses every deposit, so the auditor's thread fails its assertion in every run.</summary>
    private sealed class EmptyBank : IBank
    {
        public void Deposit(int account, int amount)
        {
        }

        public void Transfer(int from, int to, int amount)
        {
        }

        public int TotalBalance() => 0;
    }

    /// <summary>Throws from the worker threads.</summary>
    private sealed class ThrowingCounter : ICounter
    {
        private readonly Shared<int> _count = new(0, "count");

        public void Increment() => throw new InvalidOperationException("the counter is read-only");

        public int Value => _count.Read();
    }
}
