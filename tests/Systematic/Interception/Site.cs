using System.Runtime.CompilerServices;

namespace Lab.Systematic.Tests.Interception;

/// <summary>
/// The site arguments the rewriter passes as constants (file and line from the PDB), taken here from caller info so a
/// test calls a stand-in exactly as rewritten code would and can assert the line a bug is reported at.
/// </summary>
internal static class Site
{
    public static string File([CallerFilePath] string file = "") => file;

    public static int Line([CallerLineNumber] int line = 0) => line;

    /// <summary>"MonitorTests.cs:42", the form reports and traces use.</summary>
    public static string At(int line, [CallerFilePath] string file = "") => $"{Path.GetFileName(file)}:{line}";
}
