namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// One concern of the rewriting (member interception, field accesses, ...). The rewriter runs its passes in a chain
/// over every method body; a new construct to control is a new pass, not an edit to the others.
/// </summary>
public interface IRewritingPass
{
    /// <summary>The pass's name in reports (<c>field accesses</c>).</summary>
    string Name { get; }

    /// <summary>Rewrites the sites of <paramref name="method"/> this pass controls; returns how many it rewrote.</summary>
    int Rewrite(MethodRewrite method);
}
