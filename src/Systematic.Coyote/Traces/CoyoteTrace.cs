using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Detection;

namespace Lab.Systematic.Coyote.Traces;

/// <summary>
/// A bug Coyote found, kept so Coyote can replay it: the lab's test name and reading of the bug, the options the
/// exploration ran under, and Coyote's own reproducible trace (its JSON, untouched).
/// </summary>
public sealed record CoyoteTrace
{
    /// <summary>The format tag written into every Coyote trace file (the lab's own traces say "lab-trace/1").</summary>
    public const string FormatTag = "lab-coyote-trace/1";

    /// <summary>The explored test's name, "&lt;scenario-id&gt; (buggy|fixed)" for a scenario.</summary>
    public required string TestName { get; init; }

    /// <summary>The options the exploration ran under; a replay uses them again (memory-access mode, bounds).</summary>
    public required CoyoteOptions Options { get; init; }

    /// <summary>The iteration (from 1, as Coyote counts) that found the bug.</summary>
    public required int Iteration { get; init; }

    /// <summary>The lab's kind for the bug.</summary>
    public required BugKind Kind { get; init; }

    /// <summary>The bug's first line.</summary>
    public required string Message { get; init; }

    /// <summary>Coyote's <c>TestingEngine.ReproducibleTrace</c>, as Coyote wrote it.</summary>
    public required string ReproducibleTrace { get; init; }
}
