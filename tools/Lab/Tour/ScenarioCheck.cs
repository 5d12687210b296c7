using Lab.Scenarios;
using Lab.Scenarios.Stress;
using Lab.Systematic.Testing;

namespace Lab.Cli.Tour;

/// <summary>What the tour saw for one scenario: the buggy variant's bug and the fixed variant's clean run (explored or stress-run).</summary>
public sealed record ScenarioCheck
{
    /// <summary>The scenario checked.</summary>
    public required IScenario Scenario { get; init; }

    /// <summary>The exploration of the buggy variant (null for a stress-only scenario).</summary>
    public TestReport? Buggy { get; init; }

    /// <summary>The exploration of the fixed variant (null for a stress-only scenario).</summary>
    public TestReport? Fixed { get; init; }

    /// <summary>The DPOR verification of the fixed variant within its stated bound, run when the portfolio found nothing (null otherwise).</summary>
    public TestReport? FixedDpor { get; init; }

    /// <summary>The real runs of the buggy variant of a stress-only scenario.</summary>
    public StressResult? BuggyStress { get; init; }

    /// <summary>The real runs of the fixed variant of a stress-only scenario.</summary>
    public StressResult? FixedStress { get; init; }

    /// <summary>Wall-clock time of both checks.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when the buggy variant showed its documented bug.</summary>
    public bool BugFound => Buggy is { } report ? report.Bug?.Kind == Scenario.ExpectedBug : BuggyStress?.SawBug == true;

    /// <summary>True when the fixed variant showed no bug.</summary>
    public bool FixVerified => Fixed is { } report ? report.IsBugFree && FixedDpor?.IsBugFree != false : FixedStress is { SawBug: false };

    /// <summary>True for a scenario only real runs can show; there a missed bug is luck of the hardware, not a lab failure.</summary>
    public bool IsStressOnly => Buggy is null;

    /// <summary>True when the scenario behaved as documented (a stress-only miss does not count against it).</summary>
    public bool AsDocumented => IsStressOnly ? FixVerified : BugFound && FixVerified;

    /// <summary>The bug found, in a few words, for the summary table.</summary>
    public string FoundText => Buggy is { } report
        ? report.Bug is { } bug ? $"{bug.Kind} in iteration {report.BugIteration}" : "none"
        : BuggyStress is { } stress ? $"{stress.BugRuns} of {stress.Runs} real runs" : "not run";

    /// <summary>
    /// How far DPOR got on the fixed variant: "all 4 interleavings (2 traces)", with the preemption bound when one is
    /// stated, or, when the cap stopped it first, how many it ran without exhausting the space.
    /// </summary>
    public string DporText
    {
        get
        {
            if (FixedDpor is not { } dpor) return "no DPOR";
            string bound = Scenario.FixedDfsPreemptionBound is { } preemptions ? $" within {preemptions} preemptions" : "";
            return dpor.SpaceExhausted
                ? $"all {dpor.Iterations} interleavings ({dpor.MazurkiewiczTraces} traces){bound}"
                : $"{dpor.Iterations} interleavings{bound}, not exhausted within the tour's cap";
        }
    }

    /// <summary>The fix check, in a few words, for the summary table.</summary>
    public string FixText => Fixed is { } report
        ? (report.Bug ?? FixedDpor?.Bug) is { } bug ? $"FAILS: {bug.Kind}" : $"ok, {DporText}; {report.Iterations} iterations"
        : FixedStress is { } stress ? stress.SawBug ? $"FAILS: {stress.BugRuns} of {stress.Runs} real runs" : $"ok, {stress.Runs} real runs" : "not run";
}
