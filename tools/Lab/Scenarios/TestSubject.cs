using System.Text.RegularExpressions;
using Lab.Scenarios;

namespace Lab.Cli.Scenarios;

/// <summary>
/// What an exploration ran, written into its trace as the test name "{scenarioId} ({label})", or
/// "{scenarioId} ({label}) oracle {name}" when an exercise's oracle harness ran instead of the scenario's, so that
/// <c>lab replay trace.json</c> finds the scenario, the harness and the implementation from the trace alone.
/// </summary>
/// <param name="ScenarioId">The scenario's id, e.g. "races/lost-update".</param>
/// <param name="Label">"buggy", "fixed" or "submission".</param>
public sealed partial record TestSubject(string ScenarioId, string Label)
{
    /// <summary>The label of traces recorded on a student's implementation.</summary>
    public const string SubmissionLabel = "submission";

    /// <summary>The exercise oracle whose harness ran (see ExerciseCatalog), or null for the scenario's own harness.</summary>
    public string? Oracle { get; init; }

    /// <summary>The subject of a scenario's own buggy or fixed implementation.</summary>
    public static TestSubject For(IScenario scenario, Variant variant) => new(scenario.Id, variant.ToString().ToLowerInvariant());

    /// <summary>The subject of a student's implementation of a scenario's contract.</summary>
    public static TestSubject ForSubmission(IScenario scenario) => new(scenario.Id, SubmissionLabel);

    /// <summary>Reads a trace's test name back; null when it does not follow the convention.</summary>
    public static TestSubject? Parse(string testName)
    {
        Match match = TestNamePattern().Match(testName);
        if (!match.Success) return null;
        Group oracle = match.Groups["oracle"];
        return new TestSubject(match.Groups["id"].Value, match.Groups["label"].Value) { Oracle = oracle.Success ? oracle.Value : null };
    }

    /// <summary>The scenario variant this subject names, or null for a submission (or an unknown label).</summary>
    public Variant? Variant => Enum.TryParse(Label, ignoreCase: true, out Variant variant) && Label != SubmissionLabel ? variant : null;

    /// <summary>True for a student's implementation.</summary>
    public bool IsSubmission => Label == SubmissionLabel;

    /// <summary>The test name written into traces.</summary>
    public string TestName => Oracle is null ? $"{ScenarioId} ({Label})" : $"{ScenarioId} ({Label}) oracle {Oracle}";

    /// <inheritdoc />
    public override string ToString() => TestName;

    [GeneratedRegex(@"^(?<id>[a-z0-9-]+/[a-z0-9-]+) \((?<label>[a-z]+)\)( oracle (?<oracle>[a-z0-9-]+))?$")]
    private static partial Regex TestNamePattern();
}
