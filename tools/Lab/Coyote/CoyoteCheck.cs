extern alias coyote;
using coyote::Lab.Scenarios.Coyote;
using Lab.Scenarios;
using Lab.Systematic.Coyote.Testing;

namespace Lab.Cli.Coyote;

/// <summary>What the tour saw under Coyote for one scenario, against its documented Coyote outcome.</summary>
public sealed record CoyoteCheck
{
    /// <summary>The scenario checked.</summary>
    public required IScenario Scenario { get; init; }

    /// <summary>What Coyote is documented to do with it.</summary>
    public required CoyoteExpectation Expectation { get; init; }

    /// <summary>The buggy variant under the stated configuration.</summary>
    public required CoyoteReport Buggy { get; init; }

    /// <summary>The fixed variant under the stated configuration, with the tour's iteration count.</summary>
    public required CoyoteReport Fixed { get; init; }

    /// <summary>True when the buggy variant gave the documented kind (or, documented as missed, no bug).</summary>
    public bool BugAsDocumented => Buggy.Bug?.Kind == Expectation.Finds;

    /// <summary>True when the fixed variant passed (or gave the documented false alarm).</summary>
    public bool FixAsDocumented => Fixed.Bug?.Kind == Expectation.FixedFinds;

    /// <summary>Both variants as documented.</summary>
    public bool AsDocumented => BugAsDocumented && FixAsDocumented;

    /// <summary>The bug, in a few words, for a table cell: "Deadlock in iteration 2 (12 ms)" or "missed (300 iterations)".</summary>
    public string FoundText => (Buggy.Bug is { } bug ? $"{bug.Kind} in iteration {Buggy.Iterations} ({Buggy.Elapsed.TotalMilliseconds:0} ms)"
                                  : Expectation.BuggyEndsTheProcess ? "not run (under Coyote it ends the process)"
                                  : $"missed ({Buggy.Iterations} iterations)")
                               + (BugAsDocumented ? "" : $" [documented: {Expectation.Finds?.ToString() ?? "missed"}]");

    /// <summary>The fix check, in a few words: "ok, 100 iterations", "false alarm: Hang (documented)" or "FAILS: Deadlock".</summary>
    public string FixText => Fixed.Bug is not { } bug ? $"ok, {Fixed.Iterations} iterations"
        : FixAsDocumented ? $"false alarm: {bug.Kind} (documented)"
        : $"FAILS: {bug.Kind}";
}
