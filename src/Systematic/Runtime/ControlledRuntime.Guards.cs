using Lab.Systematic.Detection;

namespace Lab.Systematic.Runtime;

/// <summary>Checks that keep uncontrolled code from passing silently.</summary>
internal sealed partial class ControlledRuntime
{
    /// <summary>
    /// Called by a primitive running for real (created outside any exploration). Used from inside an exploration it
    /// would escape the scheduler, so that is reported as uncontrolled concurrency.
    /// </summary>
    public static void CheckRealUse(string primitive)
    {
        ControlledOperation? operation = t_current;
        if (operation is null) return;
        throw operation.Runtime.Fail(new BugReport(BugKind.UncontrolledConcurrency,
            $"'{primitive}' was created outside the exploration (for example in a test fixture or a static field) and is " +
            "used inside it, where it would run uncontrolled. Create every primitive inside the explored body.",
            operation.Name));
    }
}
