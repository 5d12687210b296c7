using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Specifications;

/// <summary>
/// Assertions usable from scenario code. Inside an exploration a failed assertion ends the iteration as an
/// <see cref="BugKind.AssertionFailure"/> with its source line; outside one it throws <see cref="AssertionFailureException"/>.
/// </summary>
public static class Specification
{
    /// <summary>Checks an invariant; <paramref name="message"/> says what should have held.</summary>
    public static void Assert([DoesNotReturnIf(false)] bool condition, string message,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (condition) return;
        string location = SourceLocation.Format(file, line);
        if (ControlledRuntime.CurrentOperation is not { } operation) throw new AssertionFailureException(message, location);
        throw operation.Runtime.Fail(new BugReport(BugKind.AssertionFailure, message, operation.Name, location));
    }
}
