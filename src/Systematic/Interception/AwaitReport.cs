using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// The report for asynchronous code inside an exploration. Its continuations would run on the real thread pool,
/// outside the scheduler, so instead of hanging or passing by luck the iteration stops with a bug that says what to use.
/// </summary>
internal static class AwaitReport
{
    /// <summary>Does nothing outside an exploration; inside one, reports UncontrolledConcurrency and unwinds the caller.</summary>
    public static void ThrowIfControlled(string construct, string file, int line)
    {
        if (ControlledRuntime.CurrentOperation is not { } operation) return;
        string location = SourceLocation.Format(file, line);
        throw operation.Runtime.Fail(new BugReport(BugKind.UncontrolledConcurrency,
            $"await is not controlled yet: {location}; use Wait()/Result or threads" + (construct == "await" ? "" : $" (at {construct})"),
            operation.Name, location));
    }
}
