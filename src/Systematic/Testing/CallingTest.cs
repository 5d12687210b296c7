using System.Diagnostics;
using System.Reflection;

namespace Lab.Systematic.Testing;

/// <summary>
/// Finds the test method (NUnit, xUnit or MSTest, recognised by its attribute's name) that called the engine, so the
/// replay command a failure prints selects that test: <c>dotnet test --filter "FullyQualifiedName~Ns.Class.Method"</c>.
/// </summary>
internal static class CallingTest
{
    private static readonly HashSet<string> TestAttributes =
    [
        "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute", "TheoryAttribute", "FactAttribute",
        "TestMethodAttribute", "DataTestMethodAttribute", "RetryAttribute", "RepeatAttribute",
    ];

    /// <summary>
    /// The replay command for a trace of the calling test, "{trace}" standing for the trace's path. Without a test
    /// method on the stack it runs every test: explorations of other tests ignore the trace.
    /// </summary>
    public static string ReplayHint() => Find() is { } test
        ? $"{TestingEngine.ReplayVariable}=\"{{trace}}\" dotnet test --filter \"FullyQualifiedName~{test}\""
        : $"{TestingEngine.ReplayVariable}=\"{{trace}}\" dotnet test";

    /// <summary>"Namespace.Class.Method" of the nearest test method on the calling stack, or null.</summary>
    public static string? Find()
    {
        Assembly engine = typeof(CallingTest).Assembly;
        foreach (StackFrame frame in new StackTrace(skipFrames: 1, fNeedFileInfo: false).GetFrames())
        {
            if (frame.GetMethod() is not MethodInfo method || method.DeclaringType is not { } type || type.Assembly == engine) continue;
            if (method.GetCustomAttributes(inherit: false).Any(a => TestAttributes.Contains(a.GetType().Name))) return $"{type.FullName}.{method.Name}";
            if (AsyncTestMethod(type) is { } name) return name;
        }
        return null;
    }

    /// <summary>An async test runs as a state machine's MoveNext: its type "&lt;Method&gt;d__N" names the test method.</summary>
    private static string? AsyncTestMethod(Type stateMachine)
    {
        if (stateMachine.DeclaringType is not { } owner || !stateMachine.Name.StartsWith('<')) return null;
        string name = stateMachine.Name[1..stateMachine.Name.IndexOf('>')];
        MethodInfo? method = owner.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == name && m.GetCustomAttributes(inherit: false).Any(a => TestAttributes.Contains(a.GetType().Name)));
        return method is null ? null : $"{owner.FullName}.{name}";
    }
}
