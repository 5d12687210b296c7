using Lab.Systematic.Runtime;

namespace Lab.Rewriting.Tests;

/// <summary>Rewritten code cannot swallow the engine's cancellation; every other exception still reaches its handler.</summary>
public sealed class CatchHandlerTests
{
    [TestCase("BareCatch")]
    [TestCase("CatchException")]
    [TestCase("Filter")]
    public void HandlerThatCatchesEverything_LetsTheEnginesCancellationThrough(string handler)
    {
        Assert.That(() => RewrittenFixtures.WithDoubles.CallStatic("Handlers", handler, (Action)(() => throw new ExecutionCanceledException())),
            Throws.TypeOf<ExecutionCanceledException>());
    }

    [TestCase("BareCatch")]
    [TestCase("CatchException")]
    [TestCase("Filter")]
    [TestCase("CatchInvalidOperation")]
    public void HandlerThatCatchesEverything_StillCatchesOrdinaryExceptions(string handler)
    {
        object? result = RewrittenFixtures.WithDoubles.CallStatic("Handlers", handler, (Action)(() => throw new InvalidOperationException("student's own")));

        Assert.That(result, Is.EqualTo("caught"));
    }

    [Test]
    public void TheOriginalAssembly_SwallowsTheCancellation_WhichIsWhyTheGuardIsThere()
    {
        string result = Lab.Rewriting.Fixtures.Handlers.BareCatch(() => throw new ExecutionCanceledException());

        Assert.That(result, Is.EqualTo("caught"));
    }

    [Test]
    public void TheReport_CountsTheGuardedHandlers()
    {
        Assert.That(RewrittenFixtures.WithDoubles.Report.CountOf("catch handlers"), Is.GreaterThanOrEqualTo(3));
    }
}
