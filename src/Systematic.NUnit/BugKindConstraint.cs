using Lab.Systematic.Detection;
using Lab.Systematic.Testing;
using NUnit.Framework.Constraints;

namespace Lab.Systematic.NUnit;

/// <summary>
/// Passes when a <see cref="TestReport"/> reports a bug of the expected kind (optionally with a message fragment);
/// otherwise fails with the whole report, so the failure message carries the interleaving and the replay command.
/// </summary>
public sealed class BugKindConstraint(BugKind kind, string? messageFragment = null) : Constraint
{
    /// <inheritdoc />
    public override string Description => messageFragment is null ? $"a report of a {kind}" : $"a report of a {kind} mentioning \"{messageFragment}\"";

    /// <summary>Also requires the bug message to contain <paramref name="fragment"/> (for example a thread or lock name).</summary>
    public BugKindConstraint Mentioning(string fragment) => new(kind, fragment);

    /// <inheritdoc />
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        if (actual is not TestReport report) return new ConstraintResult(this, actual, isSuccess: false);
        bool success = report.Bug is { } bug && bug.Kind == kind && (messageFragment is null || bug.Message.Contains(messageFragment, StringComparison.Ordinal));
        return new ReportConstraintResult(this, report, success);
    }
}

/// <summary>Passes when a <see cref="TestReport"/> found nothing; otherwise fails with the whole report.</summary>
public sealed class BugFreeConstraint : Constraint
{
    /// <inheritdoc />
    public override string Description => "a report without bugs";

    /// <inheritdoc />
    public override ConstraintResult ApplyTo<TActual>(TActual actual) =>
        actual is TestReport report ? new ReportConstraintResult(this, report, report.IsBugFree) : new ConstraintResult(this, actual, isSuccess: false);
}

/// <summary>Writes the report's full account (bug, interleaving, trace path, replay command) as the "actual" value.</summary>
internal sealed class ReportConstraintResult(IConstraint constraint, TestReport report, bool isSuccess) : ConstraintResult(constraint, report, isSuccess)
{
    public override void WriteActualValueTo(MessageWriter writer) => writer.Write(Environment.NewLine + report.Describe());
}
