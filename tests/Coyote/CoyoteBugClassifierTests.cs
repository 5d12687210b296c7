using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Detection;

namespace Lab.Coyote.Tests;

/// <summary>Coyote's one-string bug reports read as the lab's bug kinds.</summary>
public sealed class CoyoteBugClassifierTests
{
    [TestCase("Deadlock detected. Op(1) and Op(2) are waiting to acquire a resource that is already acquired, but no other controlled operations are enabled.", BugKind.Deadlock)]
    [TestCase("Potential deadlock or hang detected. The periodic deadlock detection monitor was used, so Coyote cannot accurately determine if this is a deadlock, hang or false positive.", BugKind.Hang)]
    [TestCase("Unhandled exception. System.InvalidOperationException: Queue empty.\n   at Lab.Scenarios.Buffer.Take() in /src/Buffer.cs:line 12", BugKind.UnhandledException)]
    [TestCase("Unhandled exception. Lab.Systematic.Specifications.AssertionFailureException: count is 1, expected 2 (at Counter.cs:12)", BugKind.AssertionFailure)]
    [TestCase("the factory for 'config' ran 2 times", BugKind.AssertionFailure)]
    [TestCase("Lab.Systematic.Coyote.Monitors.LivelockMonitor detected potential liveness bug in hot state 'SomeoneAwaitsProgress'.", BugKind.Livelock)]
    [TestCase("Lab.Systematic.Coyote.Monitors.StarvationMonitor detected potential liveness bug in hot state 'SomeoneWaitsForItsTurn'.", BugKind.Starvation)]
    [TestCase("Lab.Systematic.Coyote.Monitors.BypassMonitor detected potential liveness bug in hot state 'SomeoneWaitsToEnter'.", BugKind.Starvation)]
    [TestCase("bounded bypass: writer waited to enter 'the document' while others entered 5 times (bound 4), the last time reader1", BugKind.Starvation)]
    public void Classify_ReadsTheOpeningOfCoyotesReport_AsTheLabsKind(string coyoteText, BugKind expected)
    {
        Assert.That(CoyoteBugClassifier.Classify(coyoteText).Kind, Is.EqualTo(expected));
    }

    [Test]
    public void Classify_TakesTheLabsAssertion_OutOfItsExceptionWrapper_AndKeepsOnlyTheFirstLine()
    {
        CoyoteBug bug = CoyoteBugClassifier.Classify(
            "Unhandled exception. Lab.Systematic.Specifications.AssertionFailureException: count is 1, expected 2 (at Counter.cs:12)\n   at Counter.Run()");

        Assert.That(bug.Message, Is.EqualTo("count is 1, expected 2 (at Counter.cs:12)"));
        Assert.That(bug.CoyoteText, Does.Contain("at Counter.Run()"));
    }

    [Test]
    public void Classify_KeepsTheExceptionType_ForAnUnhandledException()
    {
        CoyoteBug bug = CoyoteBugClassifier.Classify("Unhandled exception. System.InvalidOperationException: Queue empty.\n   at Take()");

        Assert.That(bug.Message, Is.EqualTo("System.InvalidOperationException: Queue empty."));
    }

    [Test]
    public void Classify_TakesTheBypassPrefixOff_TheStarvationMessage()
    {
        CoyoteBug bug = CoyoteBugClassifier.Classify("bounded bypass: writer waited to enter 'the document' while others entered 5 times (bound 4), the last time reader1");

        Assert.That(bug.Message, Does.StartWith("writer waited to enter 'the document'"));
    }
}
