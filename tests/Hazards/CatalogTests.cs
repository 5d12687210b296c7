using System.Text.RegularExpressions;
using Lab.Scenarios;
using Lab.Systematic.Detection;

namespace Lab.Hazards.Tests;

/// <summary>The catalogue is complete, consistent and documented.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed partial class CatalogTests
{
    [Test]
    public void Catalog_HoldsAtLeast22Scenarios_WithUniqueIds()
    {
        var ids = ScenarioCatalog.All.Select(s => s.Id).ToList();

        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(22));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Catalog_CoversEveryHazardFamily()
    {
        var families = ScenarioCatalog.All.Select(s => s.Family).Distinct();

        Assert.That(families, Is.EquivalentTo(Enum.GetValues<HazardFamily>()));
    }

    [Test]
    public void Catalog_HasExactlyOneStressOnlyScenario_TheStoreBufferingLitmusTest()
    {
        var stressOnly = ScenarioCatalog.All.Where(s => !s.IsSystematic).Select(s => s.Id);

        Assert.That(stressOnly, Is.EqualTo(new[] { "memory-model/store-buffering" }));
    }

    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.All))]
    public void Scenario_HasCompleteMetadata(IScenario scenario)
    {
        Assert.That(scenario.Id, Does.Match(IdPattern()), "ids are family/kebab-name");
        Assert.That(scenario.Id, Does.StartWith(ScenarioCatalog.IdPrefix(scenario.Family) + "/"), "the id starts with its family");
        Assert.That(scenario.Title, Is.Not.Empty);
        Assert.That(scenario.BugExplanation.Split('\n'), Has.Length.EqualTo(2).And.All.Not.Empty, "the bug is explained in two lines");
        Assert.That(scenario.FixExplanation.Split('\n'), Has.Length.EqualTo(2).And.All.Not.Empty, "the fix is explained in two lines");
        Assert.That(scenario.ExpectedBug, Is.Not.AnyOf(BugKind.UncontrolledConcurrency, BugKind.Nondeterminism, BugKind.Hang, BugKind.ReplayDivergence),
            "the expected bug is a bug of the program, not of the set-up");
        Assert.That(scenario.Budget.Iterations, Is.InRange(1, 1_000), "budgets stay modest");
        Assert.That(scenario.Budget.MaxSteps, Is.InRange(1, 10_000));
        Assert.That(scenario.FixedDfsPreemptionBound, Is.Null.Or.InRange(1, 3));
        Assert.That(scenario.Contract.IsInterface, Is.True, $"{scenario.Contract} is the contract the harness drives");
        if (scenario.IsSystematic) Assert.That(ScenarioCases.ExpectedMessage, Contains.Key(scenario.Id), "the test states where the bug must be reported");
    }

    [TestCaseSource(typeof(ScenarioCases), nameof(ScenarioCases.All))]
    public void Scenario_BuggyAndFixedImplementTheContract_AndTheFactoriesBuildFreshOnes(IScenario scenario)
    {
        Type buggy = scenario.ImplementationOf(Variant.Buggy), fixedType = scenario.ImplementationOf(Variant.Fixed);

        Assert.That(buggy, Is.Not.EqualTo(fixedType));
        Assert.That(scenario.Contract.IsAssignableFrom(buggy), Is.True, $"{buggy} implements {scenario.Contract}");
        Assert.That(scenario.Contract.IsAssignableFrom(fixedType), Is.True, $"{fixedType} implements {scenario.Contract}");
        Func<object> factory = scenario.Factory(Variant.Buggy);
        object first = factory(), second = factory();
        Assert.That(first, Is.TypeOf(buggy));
        Assert.That(second, Is.Not.SameAs(first), "each call builds a fresh implementation");
        Assert.That(scenario.Factory(Variant.Fixed)(), Is.TypeOf(fixedType));
    }

    [Test]
    public void Find_ReturnsEachScenarioByItsId()
    {
        foreach (IScenario scenario in ScenarioCatalog.All) Assert.That(ScenarioCatalog.Find(scenario.Id), Is.SameAs(scenario));
    }

    [Test]
    public void Find_AnUnknownId_Throws_ListingTheKnownIds()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ScenarioCatalog.Find("races/no-such-scenario"));

        Assert.That(error!.Message, Does.Contain("races/no-such-scenario").And.Contain("races/lost-update").And.Contain("deadlocks/dining-philosophers"));
    }

    [Test]
    public void MarkdownTable_HasAHeaderAndOneRowPerScenario()
    {
        string[] lines = ScenarioCatalog.MarkdownTable().TrimEnd().Split('\n');

        Assert.That(lines, Has.Length.EqualTo(ScenarioCatalog.All.Count + 2));
        for (int i = 0; i < ScenarioCatalog.All.Count; i++)
        {
            Assert.That(lines[i + 2], Does.StartWith($"| {i + 1} | `{ScenarioCatalog.All[i].Id}` |"));
        }
    }

    [Test]
    public void Readme_ListsEveryScenarioId()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        var missing = ScenarioCatalog.All.Select(s => s.Id).Where(id => !readme.Contains($"`{id}`", StringComparison.Ordinal)).ToList();
        Assert.That(missing, Is.Empty, "README.md lacks these scenarios; paste ScenarioCatalog.MarkdownTable() into it");
    }

    /// <summary>The folder holding Lab.sln, found by walking up from the test's directory.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Lab.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no folder above {TestContext.CurrentContext.TestDirectory} holds Lab.sln");
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*/[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
