namespace Lab.Systematic.Coyote.Testing;

/// <summary>What one Coyote exploration (or replay) did and found, in the lab's vocabulary.</summary>
public sealed record CoyoteReport
{
    /// <summary>The explored test's name.</summary>
    public required string TestName { get; init; }

    /// <summary>The options it ran under.</summary>
    public required CoyoteOptions Options { get; init; }

    /// <summary>The first bug found, or null.</summary>
    public CoyoteBug? Bug { get; init; }

    /// <summary>Iterations run (fair and unfair paths); with a bug, the iteration that found it (from 1).</summary>
    public required int Iterations { get; init; }

    /// <summary>Scheduling steps Coyote counted over all iterations (fair and unfair).</summary>
    public required long Steps { get; init; }

    /// <summary>Wall time of the run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Coyote's reproducible trace of the bug, or null.</summary>
    public string? ReproducibleTrace { get; init; }

    /// <summary>Where the trace was written (explorations only, not replays), or null.</summary>
    public string? TracePath { get; init; }

    /// <summary>Coyote's readable trace: the bug line and its statistics.</summary>
    public required string ReadableTrace { get; init; }

    /// <summary>Methods Coyote saw called that it does not control (the code ran them for real).</summary>
    public required IReadOnlyList<string> UncontrolledInvocations { get; init; }

    /// <summary>One line: "Deadlock found in iteration 2 (coyote random, seed 0, 1000 iterations; 51 steps, 12 ms)".</summary>
    public string Summary
    {
        get
        {
            string run = $"{Options.Describe()}; {Steps} steps, {Elapsed.TotalMilliseconds:0} ms";
            return Bug is null
                ? $"{TestName}: no bug in {Iterations} iterations ({run})"
                : $"{TestName}: {Bug.Kind} found in iteration {Iterations} ({run})";
        }
    }
}
