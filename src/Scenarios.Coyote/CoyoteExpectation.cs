using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Detection;

namespace Lab.Scenarios.Coyote;

/// <summary>
/// What Coyote 1.7.11 is documented to do with one scenario: the configuration it is run with, the bug kind it reports
/// on the buggy variant (null: it does not see the bug) and on the fixed one (null: the fix passes), and why, in a
/// sentence, wherever that differs from the lab. tests/Hazards asserts exactly this, so a Coyote that changes turns it red.
/// </summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="Options">The stated configuration (strategy, iterations, seed 0, bounds, memory-access mode).</param>
/// <param name="Finds">The kind Coyote reports on the buggy variant, or null when it misses the bug.</param>
/// <param name="FixedFinds">The kind Coyote reports on the fixed variant (a false alarm), or null when the fix passes.</param>
/// <param name="Note">Why Coyote differs from the lab here; empty when it finds what the lab finds.</param>
public sealed record CoyoteExpectation(string ScenarioId, CoyoteOptions Options, BugKind? Finds, BugKind? FixedFinds, string Note)
{
    /// <summary>
    /// True when Coyote's run of the buggy variant ends the whole process (an exception on a thread Coyote does not
    /// control): it is then never run in-process, and <see cref="Note"/> says what was measured instead.
    /// </summary>
    public bool BuggyEndsTheProcess { get; init; }

    /// <summary>"Deadlock", "missed", "not run (ends the process)", or "Deadlock (lab: Livelock)": the cell of a side-by-side table.</summary>
    public string Describe(BugKind labKind) => Finds switch
    {
        null when BuggyEndsTheProcess => "not run (ends the process)",
        null => "missed",
        { } kind when kind == labKind => kind.ToString(),
        { } kind => $"{kind} (lab: {labKind})",
    };
}
