namespace Lab.Systematic.Detection;

/// <summary>What went wrong in a failing iteration, where, and (for exceptions) the stack.</summary>
public sealed record BugReport(BugKind Kind, string Message, string? Operation = null, string? Location = null, string? StackTrace = null)
{
    /// <summary>True for bugs in the explored program; false for errors of the set-up (uncontrolled code, a stale trace).</summary>
    public bool IsProgramBug => Kind is not (BugKind.UncontrolledConcurrency or BugKind.Nondeterminism or BugKind.Hang or BugKind.ReplayDivergence);

    /// <summary>One line: the kind and the message.</summary>
    public override string ToString() => $"{Kind}: {Message}";
}
