namespace Lab.Cli.Grading;

/// <summary>The overall outcome of one student's exercise, the word a teacher scans for in the gradebook.</summary>
public enum Verdict
{
    /// <summary>Every check passed.</summary>
    Correct,

    /// <summary>Exploration or the regression corpus still finds a bug.</summary>
    Buggy,

    /// <summary>Bug-free, but it serialises work the exercise demands to stay concurrent.</summary>
    OverSerialised,

    /// <summary>The file does not compile, breaks the lab's rules, or has no class implementing the contract.</summary>
    CompileError,

    /// <summary>Grading did not finish within the time limit (an infinite loop, usually).</summary>
    TimedOut,

    /// <summary>The grading process died (Environment.Exit, stack overflow, ...).</summary>
    Crashed,

    /// <summary>The student did not hand in this exercise's file.</summary>
    Missing,
}
