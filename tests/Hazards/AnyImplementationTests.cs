using Lab.Scenarios;
using Lab.Scenarios.Deadlocks;
using Lab.Scenarios.Races;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;
using Lab.Systematic.Threading;

namespace Lab.Hazards.Tests;

/// <summary>The harnesses explore any implementation of the contract: this is how student code is graded.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AnyImplementationTests
{
    [Test]
    public void Harness_ExploresAStudentsCorrectCounter_AndFindsNothing()
    {
        IScenario scenario = ScenarioCatalog.Find("races/lost-update");

        TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(() => new InterlockedCounter()),
            scenario.Budget.WithStrategy(StrategyKind.Dfs).WithIterations(ScenarioCases.DfsIterationCap));

        Assert.That(report, Is.BugFree());
        Assert.That(report.SpaceExhausted, Is.True, report.Summary);
    }

    [Test]
    public void Harness_ExploresAStudentsBrokenTable_AndReportsTheirDeadlock()
    {
        IScenario scenario = ScenarioCatalog.Find("deadlocks/dining-philosophers");

        TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(() => new RightFirstTable()), ScenarioCases.Budget(scenario));

        Assert.That(report, Finds.Deadlock().Mentioning("right-fork"));
    }

    [Test]
    public void Harness_GivenAnObjectThatIsNotTheContract_ReportsWhatItExpected()
    {
        IScenario scenario = ScenarioCatalog.Find("races/lost-update");

        TestReport report = TestingEngine.Explore(scenario.Id, scenario.Harness(() => new object()), scenario.Budget.WithIterations(1));

        Assert.That(report, Finds.UnhandledException().Mentioning("System.Object does not implement Lab.Scenarios.Races.ICounter"));
    }

    /// <summary>A correct counter written the other way: Interlocked.Increment.</summary>
    private sealed class InterlockedCounter : ICounter
    {
        private int _count;

        public void Increment() => Interlocked.Increment(ref _count);

        public int Value => Volatile.Read(ref _count);
    }

    /// <summary>Every philosopher takes the right fork first: as symmetric as left-first, so it deadlocks too.</summary>
    private sealed class RightFirstTable : IDiningTable
    {
        private readonly Lock[] _forks = [new("right-fork0"), new("right-fork1"), new("right-fork2")];

        public void Dine(int seat, Action eat)
        {
            using (_forks[(seat + 1) % IDiningTable.Seats].EnterScope())
            using (_forks[seat].EnterScope())
            {
                eat();
            }
        }
    }
}
