using Lab.Systematic.Strategies;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Tests.Strategies;

public sealed class GuidedStrategyTests
{
    [Test]
    public void Guided_FollowsTheGuideWhileItApplies_ThenDefersToTheFallbackForGood()
    {
        var guide = new[] { new Decision(DecisionKind.Operation, 2), new Decision(DecisionKind.Operation, 5), new Decision(DecisionKind.Operation, 1) };
        var strategy = new GuidedStrategy(guide, new NonPreemptiveStrategy());
        strategy.PrepareIteration(0);

        int first = strategy.NextOperation([1, 2, 3], current: 1, step: 1);
        int second = strategy.NextOperation([1, 2, 3], current: 3, step: 2);
        int third = strategy.NextOperation([1, 2, 3], current: 3, step: 3);

        Assert.That((first, second, third), Is.EqualTo((2, 3, 3)), "5 is not enabled: the guide stops applying and the fallback continues 3");
        Assert.That(strategy.Followed, Is.EqualTo(1));
    }

    [Test]
    public void Guided_UsesRecordedChoices_OnlyWhenTheyFitTheQuestion()
    {
        var guide = new[] { new Decision(DecisionKind.Integer, 4), new Decision(DecisionKind.Boolean, 1) };
        var strategy = new GuidedStrategy(guide, new NonPreemptiveStrategy());
        strategy.PrepareIteration(0);

        Assert.That(strategy.NextInteger(3, step: 1), Is.EqualTo(0), "4 is out of range for NextInteger(3)");
        Assert.That(strategy.NextBoolean(step: 2), Is.False, "after leaving the guide every answer comes from the fallback");
    }
}
