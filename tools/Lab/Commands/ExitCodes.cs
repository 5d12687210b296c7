namespace Lab.Cli.Commands;

/// <summary>The exit codes every command shares, so scripts and CI can tell "found a bug" from "was called wrongly".</summary>
public static class ExitCodes
{
    /// <summary>No bug found, or the replayed schedule ran without the bug.</summary>
    public const int Success = 0;

    /// <summary>Bad arguments or unusable input (unknown id, missing or corrupt trace, missing folder).</summary>
    public const int UsageError = 1;

    /// <summary>Exploration found a bug, or a replay reproduced it.</summary>
    public const int BugFound = 2;

    /// <summary>The tour saw a scenario behave other than documented.</summary>
    public const int ExpectationFailed = 3;
}
