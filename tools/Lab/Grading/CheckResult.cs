namespace Lab.Cli.Grading;

/// <summary>One scored check of an exercise, e.g. "explores without a bug"; becomes one Gradescope test and one JUnit test case.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points available.</param>
/// <param name="Output">What the student reads: on failure the bug, its interleaving, the trace and the replay command.</param>
public sealed record CheckResult(string Name, bool Passed, double Points, double MaxPoints, string Output);
