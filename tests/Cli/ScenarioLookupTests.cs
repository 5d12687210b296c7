using Lab.Cli.Commands;
using Lab.Cli.Scenarios;
using Lab.Scenarios;

namespace Lab.Cli.Tests;

public sealed class ScenarioLookupTests
{
    [TestCase("races/lost-update")]
    [TestCase("lost-update")]
    [TestCase("RACES/Lost-Update")]
    public void Resolve_IdOrUniqueName_FindsTheScenario(string wanted)
    {
        Assert.That(ScenarioLookup.Resolve(wanted).Id, Is.EqualTo("races/lost-update"));
    }

    [TestCase("dining-philosopher", "deadlocks/dining-philosophers")]
    [TestCase("readers-writer", "starvation/readers-writers")]
    [TestCase("races/lost-updates", "races/lost-update")]
    public void Resolve_Typo_FailsSuggestingTheClosestId(string wanted, string suggestion)
    {
        var problem = Assert.Throws<UsageException>(() => ScenarioLookup.Resolve(wanted));

        Assert.That(problem!.Message, Does.Contain($"Did you mean '{suggestion}'?"));
    }

    [Test]
    public void TestSubject_RoundTripsThroughTheTraceTestName()
    {
        IScenario scenario = ScenarioCatalog.Find("deadlocks/dining-philosophers");

        TestSubject? parsed = TestSubject.Parse(TestSubject.For(scenario, Variant.Fixed).TestName);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.EqualTo(new TestSubject("deadlocks/dining-philosophers", "fixed")));
            Assert.That(parsed!.Variant, Is.EqualTo(Variant.Fixed));
            Assert.That(TestSubject.Parse("deadlocks/dining-philosophers (submission)")!.IsSubmission, Is.True);
            Assert.That(TestSubject.Parse("some other test"), Is.Null);
        });
    }
}
