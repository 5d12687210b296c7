using Lab.Systematic.Detection;

namespace Lab.Systematic.Coyote.Testing;

/// <summary>
/// A bug Coyote found, in the lab's vocabulary: the kind, the message a student reads (Coyote's first line, with the
/// engine's prefixes taken off where they only repeat the kind), and Coyote's full report text.
/// </summary>
/// <param name="Kind">The lab's kind for Coyote's report (see <see cref="CoyoteBugClassifier"/>).</param>
/// <param name="Message">The first line of the report, e.g. "count is 1, expected 2 (at Counter.cs:12)".</param>
/// <param name="CoyoteText">Coyote's report as it wrote it (with an exception's stack).</param>
public sealed record CoyoteBug(BugKind Kind, string Message, string CoyoteText)
{
    /// <summary>"Deadlock: Deadlock detected. Op(1) and Op(2) are waiting ...".</summary>
    public override string ToString() => $"{Kind}: {Message}";
}
