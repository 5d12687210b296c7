using Lab.Systematic.Coyote.Monitors;
using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Systematic.Coyote.Testing;

/// <summary>
/// Maps the text of a Coyote bug report to the lab's <see cref="BugKind"/>. Coyote 1.7.11 reports a bug as one string,
/// so the mapping reads its fixed openings: "Deadlock detected.", "Potential deadlock or hang detected",
/// "Unhandled exception. T: ...", "M detected potential liveness bug in hot state 'S'", else an assertion's message.
/// </summary>
public static class CoyoteBugClassifier
{
    private const string UnhandledPrefix = "Unhandled exception. ";

    /// <summary>The lab's reading of one Coyote bug report.</summary>
    public static CoyoteBug Classify(string coyoteText)
    {
        ArgumentNullException.ThrowIfNull(coyoteText);
        string firstLine = coyoteText.Split('\n', 2)[0].TrimEnd('\r');
        if (firstLine.StartsWith("Deadlock detected.", StringComparison.Ordinal)) return new CoyoteBug(BugKind.Deadlock, firstLine, coyoteText);
        // Coyote's 1 s timer or an uncontrolled blocking call: it cannot tell a deadlock from a hang here.
        if (firstLine.StartsWith("Potential deadlock", StringComparison.Ordinal)) return new CoyoteBug(BugKind.Hang, firstLine, coyoteText);
        if (firstLine.Contains("detected potential liveness bug", StringComparison.Ordinal))
        {
            return new CoyoteBug(LivenessKindOf(firstLine), firstLine, coyoteText);
        }
        if (firstLine.StartsWith(BypassMonitor.MessagePrefix, StringComparison.Ordinal))
        {
            return new CoyoteBug(BugKind.Starvation, firstLine[BypassMonitor.MessagePrefix.Length..], coyoteText);
        }
        if (firstLine.StartsWith(UnhandledPrefix, StringComparison.Ordinal))
        {
            string exception = firstLine[UnhandledPrefix.Length..];
            string assertion = typeof(AssertionFailureException).FullName + ": ";
            // The lab's Specification.Assert throws outside a lab exploration; under Coyote that is still the assertion.
            return exception.StartsWith(assertion, StringComparison.Ordinal)
                ? new CoyoteBug(BugKind.AssertionFailure, exception[assertion.Length..], coyoteText)
                : new CoyoteBug(BugKind.UnhandledException, exception, coyoteText);
        }
        return new CoyoteBug(BugKind.AssertionFailure, firstLine, coyoteText);
    }

    // Coyote names the monitor by its full type name: the lab's Starvation-kind monitors and bypass checks are starvation.
    private static BugKind LivenessKindOf(string firstLine)
    {
        string monitor = firstLine[..firstLine.IndexOf(" detected", StringComparison.Ordinal)];
        return monitor.EndsWith(nameof(StarvationMonitor), StringComparison.Ordinal) || monitor.EndsWith(nameof(BypassMonitor), StringComparison.Ordinal)
            ? BugKind.Starvation
            : BugKind.Livelock;
    }
}
