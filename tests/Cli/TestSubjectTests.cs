using Lab.Cli.Scenarios;

namespace Lab.Cli.Tests;

public sealed class TestSubjectTests
{
    [Test]
    public void Parse_OracleTestName_GivesBackTheScenarioTheLabelAndTheOracle()
    {
        var subject = new TestSubject("races/lost-update", TestSubject.SubmissionLabel) { Oracle = "three-threads-twice" };

        TestSubject? parsed = TestSubject.Parse(subject.TestName);

        Assert.Multiple(() =>
        {
            Assert.That(subject.TestName, Is.EqualTo("races/lost-update (submission) oracle three-threads-twice"));
            Assert.That(parsed, Is.EqualTo(subject));
            Assert.That(parsed!.IsSubmission, Is.True);
        });
    }

    [Test]
    public void Parse_ScenarioTestName_HasNoOracle()
    {
        TestSubject? parsed = TestSubject.Parse("races/lost-update (fixed)");

        Assert.That(parsed, Is.EqualTo(new TestSubject("races/lost-update", "fixed")));
        Assert.That(parsed!.Oracle, Is.Null);
    }
}
