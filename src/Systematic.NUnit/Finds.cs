using Lab.Systematic.Detection;

namespace Lab.Systematic.NUnit;

/// <summary>Constraints on exploration reports, so a test reads <c>Assert.That(report, Finds.Deadlock())</c>.</summary>
public static class Finds
{
    /// <summary>A bug of the given kind.</summary>
    public static BugKindConstraint Bug(BugKind kind) => new(kind);

    /// <summary>A failed assertion.</summary>
    public static BugKindConstraint AssertionFailure() => new(BugKind.AssertionFailure);

    /// <summary>An unhandled exception in a controlled thread.</summary>
    public static BugKindConstraint UnhandledException() => new(BugKind.UnhandledException);

    /// <summary>A deadlock.</summary>
    public static BugKindConstraint Deadlock() => new(BugKind.Deadlock);

    /// <summary>A livelock on a fair schedule.</summary>
    public static BugKindConstraint Livelock() => new(BugKind.Livelock);

    /// <summary>Starvation on a fair schedule.</summary>
    public static BugKindConstraint Starvation() => new(BugKind.Starvation);

    /// <summary>A happens-before data race.</summary>
    public static BugKindConstraint DataRace() => new(BugKind.DataRace);
}
