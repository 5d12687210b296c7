using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Testing;

public sealed class OptionsTests
{
    [TestCase(0)]
    [TestCase(-5)]
    public void Explore_WithIterationsBelowOne_ThrowsNamingTheSetting(int iterations)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            TestingEngine.Explore("x", Programs.LockedIncrement, ExplorationOptions.Default.WithIterations(iterations)));

        Assert.That(error!.ParamName, Is.EqualTo("Iterations"));
    }

    [Test]
    public void Explore_WithZeroMaxSteps_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            TestingEngine.Explore("x", Programs.LockedIncrement, ExplorationOptions.Default.WithMaxSteps(0)));

        Assert.That(error!.ParamName, Is.EqualTo("MaxSteps"));
    }

    [Test]
    public void Options_WithMethods_ReturnChangedCopiesAndLeaveTheOriginal()
    {
        ExplorationOptions original = ExplorationOptions.Default;

        ExplorationOptions changed = original.WithSeed(5).WithIterations(7).WithStrategy(StrategyKind.Pct);

        Assert.That((changed.Seed, changed.Iterations, changed.Strategy), Is.EqualTo((5UL, 7, StrategyKind.Pct)));
        Assert.That((original.Seed, original.Iterations, original.Strategy), Is.EqualTo((0UL, 1000, StrategyKind.Portfolio)));
    }

    [Test]
    public void Explore_WhenARealTaskTouchesAControlledPrimitive_ReportsUncontrolledConcurrency()
    {
        static void Body()
        {
            var count = new Shared<int>(0, "count");
            System.Threading.Tasks.Task.Run(() => count.Write(1)).Wait();
        }

        TestReport report = TestingEngine.Explore("task-run", Body, ExplorationOptions.Default.WithIterations(3)
            .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces")));

        Assert.That(report, Finds.Bug(BugKind.UncontrolledConcurrency).Mentioning("Start threads with ControlledThread"));
    }

    [Test]
    public void Explore_WhenAPrimitiveCreatedOutsideIsUsedInside_ReportsUncontrolledConcurrency()
    {
        var outside = new Shared<int>(0, "outside");

        TestReport report = TestingEngine.Explore("outside", () => outside.Write(1), ExplorationOptions.Default.WithIterations(3)
            .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces")));

        Assert.That(report, Finds.Bug(BugKind.UncontrolledConcurrency).Mentioning("created outside the exploration"));
    }

    [Test]
    public void Explore_WhenABodyLoopsWithoutSchedulingPoints_ReportsAHangInsteadOfHanging()
    {
        var options = ExplorationOptions.Default.WithIterations(1) with { HangTimeout = TimeSpan.FromMilliseconds(300) };
        var release = new System.Threading.ManualResetEventSlim(false);
        try
        {
            TestReport report = TestingEngine.Explore("spin", () => release.Wait(), options);

            Assert.That(report, Finds.Bug(BugKind.Hang).Mentioning("no scheduling point was reached"));
        }
        finally
        {
            release.Set();
        }
    }

    [Test]
    public void Explorations_RunInParallelInOneProcess_WithoutInterfering()
    {
        var options = ExplorationOptions.Default.WithSeed(21).WithIterations(300)
            .WithTraceDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces"));
        TestReport alone = TestingEngine.Explore("lost-update", Programs.LostUpdate, options);

        var reports = new TestReport[4];
        System.Threading.Tasks.Parallel.For(0, 4, i => reports[i] = TestingEngine.Explore("lost-update", Programs.LostUpdate, options));

        Assert.That(reports.Select(r => r.BugIteration), Has.All.EqualTo(alone.BugIteration));
        Assert.That(reports.Select(r => r.Trace!.Decisions.SequenceEqual(alone.Trace!.Decisions)), Has.All.True);
    }
}
